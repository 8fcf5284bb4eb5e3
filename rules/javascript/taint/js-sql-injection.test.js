const express = require('express');
const mysql = require('mysql');
const { Pool } = require('pg');
const Koa = require('koa');
const Router = require('@koa/router');

const app = express();
const db = mysql.createConnection({});
const pool = new Pool();

app.get('/users', (req, res) => {
  const id = req.query.id;
  // ruleid: js-sql-injection
  db.query('SELECT * FROM users WHERE id = ' + id, (err, rows) => res.json(rows));
  // ok: js-sql-injection
  db.query('SELECT * FROM users WHERE id = ?', [id], (err, rows) => res.json(rows));
});

app.post('/search', async (req, res) => {
  const { name, limit } = req.body;
  const sql = `SELECT * FROM items WHERE name LIKE '%${name}%'`;
  // ruleid: js-sql-injection
  const rows = await pool.query(sql);
  // ok: js-sql-injection
  await pool.query(`SELECT * FROM items LIMIT ${Number(limit)}`);
  res.json(rows);
});

// A helper in the same file: the finding is at the call site that passes request data.
function findUser(userId) {
  return db.query("SELECT * FROM users WHERE id = '" + userId + "'");
}

function findById(userId) {
  return db.query('SELECT * FROM users WHERE id = ?', [userId]);
}

app.get('/u/:id', (req, res) => {
  // ruleid: js-sql-injection
  findUser(req.params.id);
  // ok: js-sql-injection
  findById(req.params.id);
  // ok: js-sql-injection
  findUser(String(42));
});

const SORT_COLUMNS = ['name', 'created'];
app.get('/sorted', (req, res) => {
  const column = req.query.sort;
  if (!SORT_COLUMNS.includes(column)) {
    return res.status(400).end();
  }
  // ok: js-sql-injection
  db.query(`SELECT * FROM items ORDER BY ${column}`);
});

// Koa
const router = new Router();
router.get('/k', async (ctx) => {
  // ruleid: js-sql-injection
  await pool.query('DELETE FROM sessions WHERE token = ' + ctx.query.token);
});

// Not request data: a constant and a value from configuration.
const TABLE = 'audit';
function cleanup(days) {
  // ok: js-sql-injection
  return pool.query(`DELETE FROM ${TABLE} WHERE age > ${days}`);
}
cleanup(30);

// Next.js API route: export default function handler(req, res)
export default async function handler(req, res) {
  // ruleid: js-sql-injection
  const result = await pool.query(`SELECT * FROM posts WHERE slug = '${req.query.slug}'`);
  res.status(200).json(result.rows);
}
