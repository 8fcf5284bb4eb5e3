// node-postgres: the fix binds values as $1, $2, … placeholders.
const express = require('express');
const { Pool } = require('pg');

const app = express();
const pool = new Pool();

app.get('/orders', async (req, res) => {
  // ruleid: js-sql-injection
  const byUser = await pool.query("SELECT * FROM orders WHERE user_id = '" + req.query.user + "'");
  // ruleid: js-sql-injection
  const page = await pool.query(`SELECT * FROM orders WHERE status = '${req.query.status}' LIMIT ${req.query.limit}`);
  // LIKE patterns keep the value inside a larger literal: no automatic fix.
  // ruleid: js-sql-injection
  const search = await pool.query(`SELECT * FROM orders WHERE note LIKE '%${req.query.q}%'`);
  // A column name is not a value: binding it would sort by a constant, so no automatic fix.
  // ruleid: js-sql-injection
  const sorted = await pool.query('SELECT * FROM orders ORDER BY ' + req.query.sort);
  // A query variable read only by the call: its value gets the placeholders, the call the values.
  const byRegion = "SELECT * FROM orders WHERE region = '" + req.query.region + "'";
  // ruleid: js-sql-injection
  const regional = await pool.query(byRegion);
  // Read twice (logged too): binding it at one call would leave the other without values.
  const byTeam = "SELECT * FROM orders WHERE team = '" + req.query.team + "'";
  console.log(byTeam);
  // ruleid: js-sql-injection
  const team = await pool.query(byTeam);
  // ok: js-sql-injection
  const safe = await pool.query('SELECT * FROM orders WHERE user_id = $1', [req.query.user]);
  res.json({ byUser, page, search, sorted, regional, team, safe });
});
