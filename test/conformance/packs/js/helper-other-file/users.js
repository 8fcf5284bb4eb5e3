const mysql = require('mysql');

const db = mysql.createConnection({ host: 'localhost' });

function findUser(name, done) {
  return db.query("SELECT * FROM users WHERE name = '" + name + "'", done);
}

module.exports = { findUser };
