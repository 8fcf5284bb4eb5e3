const express = require('express');
const app = express();

const REDIRECTS = { home: '/', docs: '/docs' };

app.get('/login', (req, res) => {
  // ruleid: js-open-redirect
  res.redirect(safeRedirect(req.query.next));
  // ok: js-open-redirect
  res.redirect(REDIRECTS.home);
});

app.get('/go', (req, res) => {
  const target = new URL(req.query.to);
  if (target.hostname !== 'example.com') {
    return res.sendStatus(400);
  }
  // ok: js-open-redirect
  res.redirect(target.href);
});

function followReturnTo() {
  const params = new URLSearchParams(location.search);
  // ruleid: js-open-redirect
  window.location.href = safeRedirect(params.get('returnTo'));
}

// A substring test is no allow-list: `https://evil.example/?https://docs.example.com` contains it.
const TRUSTED = ['https://docs.example.com', 'https://status.example.com'];
app.get('/out', ({ query }, res) => {
  const target = String(query.to);
  if (TRUSTED.some((t) => target.includes(t))) {
    // ruleid: js-open-redirect
    res.redirect(safeRedirect(target));
  }
  if (TRUSTED.includes(target)) {
    // ok: js-open-redirect
    res.redirect(target);
  }
});

// Allows only paths on this site ("/account"), never "//evil.example" or "https://…".
// Browsers read "\" as "/" and drop tabs and newlines, so none of them may follow the "/".
function safeRedirect(target) {
  return typeof target === 'string' && /^\/(?![/\\\t\n\r])/.test(target) ? target : '/';
}
