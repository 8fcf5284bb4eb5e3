const express = require('express');
const session = require('express-session');

// A JSON API: no form bodies are parsed, so a cross-site form cannot post to it.
const app = express();
app.use(express.json());
// ok: js-express-csrf-missing
app.use(session({ secret: process.env.SESSION_SECRET }));
app.post('/api/items', (req, res) => res.json({}));
