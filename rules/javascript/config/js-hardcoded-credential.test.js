const jwt = require('jsonwebtoken');
const session = require('express-session');
const cookieSession = require('cookie-session');
const cookieParser = require('cookie-parser');
const { Sequelize } = require('sequelize');
const mysql = require('mysql2');
const { Pool } = require('pg');

const JWT_KEY = 'my-app-jwt-key';

// ruleid: js-hardcoded-credential
const token = jwt.sign({ sub: user.id }, 'shhhhh', { expiresIn: '1h' });
// ruleid: js-hardcoded-credential
const claims = jwt.verify(token, JWT_KEY);
// ruleid: js-hardcoded-credential
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: true }));
// ruleid: js-hardcoded-credential
app.use(cookieSession({ name: 'session', keys: ['key1', 'key2'] }));
// ruleid: js-hardcoded-credential
app.use(cookieParser('cookie secret'));
// ruleid: js-hardcoded-credential
const sign = (data) => require('crypto').createHmac('sha256', 'pa55-hmac-key-0001').update(data).digest('hex');
// ok: js-hardcoded-credential
const verifyMac = (data) => require('crypto').createHmac('sha256', process.env.MAC_KEY).update(data).digest('hex');
// ruleid: js-hardcoded-credential
const sequelize = new Sequelize('shop', 'shop', 'hunter2', { dialect: 'postgres' });
// ruleid: js-hardcoded-credential
const db = mysql.createPool({ host: 'db', user: 'app', password: 'app-password', database: 'app' });
// ruleid: js-hardcoded-credential
const pool = new Pool({ host: 'db', user: 'app', password: 'pg-password' });

// ok: js-hardcoded-credential
const token2 = jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
// ok: js-hardcoded-credential
app.use(session({ secret: process.env.SESSION_SECRET }));
// ok: js-hardcoded-credential
app.use(cookieSession({ name: 'session', keys: config.keys }));
// ok: js-hardcoded-credential
const local = new Pool({ host: 'localhost', user: 'app', password: '' });
// ok: js-hardcoded-credential
const seq2 = new Sequelize('sqlite::memory:');
