const https = require('https');
const axios = require('axios');
const { Client } = require('pg');
const tls = require('node:tls');
const request = require('request');
const superagent = require('superagent');

// ruleid: js-tls-reject-unauthorized-false
const agent = new https.Agent({ rejectUnauthorized: false });
const api = axios.create({ httpsAgent: agent });

const db = new Client({
  connectionString: process.env.DATABASE_URL,
  // ruleid: js-tls-reject-unauthorized-false
  ssl: { rejectUnauthorized: false },
});

// ruleid: js-tls-reject-unauthorized-false
const socket = tls.connect(443, host, { servername: host, rejectUnauthorized: false });
// ruleid: js-tls-reject-unauthorized-false
request({ url, strictSSL: false }, cb);

const options = {};
// ruleid: js-tls-reject-unauthorized-false
options.rejectUnauthorized = false;

// ruleid: js-tls-reject-unauthorized-false
superagent.get(url).disableTLSCerts().end(cb);

// ok: js-tls-reject-unauthorized-false
const safeAgent = new https.Agent({ rejectUnauthorized: true, ca: caCert });
// ok: js-tls-reject-unauthorized-false
const fromEnv = new https.Agent({ rejectUnauthorized: process.env.NODE_ENV === 'production' });
// ok: js-tls-reject-unauthorized-false
const server = tls.createServer({ requestCert: true, rejectUnauthorized: true, ca });
// ok: js-tls-reject-unauthorized-false
const unrelated = { rejectUnauthorizedCount: 0, strict: false };
