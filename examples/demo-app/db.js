const mysql = require('mysql2/promise');

const pool = mysql.createPool({ database: 'demo' });

function findUser(name) {
  return pool.query("SELECT * FROM users WHERE name = '" + name + "'");
}

module.exports = { findUser };
