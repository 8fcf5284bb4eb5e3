// Helpers imported by the cross-file taint fixtures (not a fixture themselves).
const mysql = require('mysql');
const db = mysql.createConnection({});

function findUserByName(name) {
  return db.query("SELECT * FROM users WHERE name = '" + name + "'");
}

function findUserById(id) {
  return db.query('SELECT * FROM users WHERE id = ?', [id]);
}

function normalise(name) {
  return name.trim().toLowerCase();
}

module.exports = { findUserByName, findUserById, normalise };
