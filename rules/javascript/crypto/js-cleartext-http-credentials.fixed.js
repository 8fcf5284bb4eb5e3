const axios = require('axios');

async function load(token, user, password) {
  // ruleid: js-cleartext-http-credentials
  await fetch('https://api.example.com/v1/items', { headers: { Authorization: `Bearer ${token}` } });
  // ruleid: js-cleartext-http-credentials
  await axios.post(`https://${host}/login`, { username: user, password });
  // ruleid: js-cleartext-http-credentials
  await axios.get("https://billing.example.com/invoices", { auth: { username: user, password } });
  // ok: js-cleartext-http-credentials
  await fetch('https://api.example.com/v1/items', { headers: { Authorization: `Bearer ${token}` } });
  // ok: js-cleartext-http-credentials
  await fetch('http://localhost:3000/v1/items', { headers: { Authorization: `Bearer ${token}` } });
  // ok: js-cleartext-http-credentials
  await fetch('http://example.com/feed.xml', { headers: { 'User-Agent': 'bot' } });
  // ok: js-cleartext-http-credentials
  await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
}
