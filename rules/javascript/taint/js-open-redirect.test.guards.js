// Checks that keep a redirect on this site, read from their code (not from a function's name).
const express = require('express');
const app = express();

// Named like the helper of the quick fix, but it checks nothing.
function safeRedirect(target) {
  return target;
}

app.get('/named', (req, res) => {
  // ruleid: js-open-redirect
  res.redirect(safeRedirect(req.query.next));
});

function onlyLocal(url) {
  if (typeof url !== 'string' || !url.startsWith('/') || url.startsWith('//') || url.startsWith('/\\') || url.startsWith('/\t') || url.startsWith('/\n') || url.startsWith('/\r')) {
    return '/';
  }
  return url;
}

app.get('/helper', (req, res) => {
  // ok: js-open-redirect
  res.redirect(onlyLocal(req.query.next));
});

app.get('/regex', (req, res) => {
  const next = req.query.next;
  if (/^\/(?![/\\\s])/.test(next)) {
    // ok: js-open-redirect
    res.redirect(next);
  }
  // ruleid: js-open-redirect
  res.redirect(next);
});

app.get('/not-enough', (req, res) => {
  const next = req.query.next;
  // `/\evil.example` passes, and browsers read it as `//evil.example`.
  if (next.startsWith('/') && !next.startsWith('//')) {
    // ruleid: js-open-redirect
    res.redirect(next);
  }
  // `/<tab>/evil.example` passes, and URL parsers drop the tab.
  if (/^\/[^/\\]/.test(next)) {
    // ruleid: js-open-redirect
    res.redirect(next);
  }
  // With the `m` flag, `^` also matches after a newline inside the value.
  if (/^\/(?![/\\\s])/m.test(next)) {
    // ruleid: js-open-redirect
    res.redirect(next);
  }
});

app.get('/host', (req, res) => {
  const next = req.query.next;
  if (next.startsWith('https://accounts.example.com/')) {
    // ok: js-open-redirect
    res.redirect(next);
  }
  // `https://accounts.example.com.evil.example/` passes.
  if (next.startsWith('https://accounts.example.com')) {
    // ruleid: js-open-redirect
    res.redirect(next);
  }
});

// Functions that are themselves checks: true only when the value passed the check.
const ALLOWED = ['/home', '/account'];
const isAllowed = (target) => ALLOWED.includes(target);
function isAllowedOrEmpty(target) {
  if (!target) return false;
  return ALLOWED.includes(target);
}
function isShort(target) {
  return target.length < 200;
}

app.get('/validator', (req, res) => {
  const next = req.query.next;
  if (isAllowed(next)) {
    // ok: js-open-redirect
    res.redirect(next);
  }
  if (isAllowedOrEmpty(next)) {
    // ok: js-open-redirect
    res.redirect(next);
  }
  if (!isAllowed(next)) {
    // ruleid: js-open-redirect
    res.redirect(next);
  }
  // A check of the length says nothing about the host.
  if (isShort(next)) {
    // ruleid: js-open-redirect
    res.redirect(next);
  }
});

app.get('/index-of', (req, res) => {
  const next = req.query.next;
  if (ALLOWED.indexOf(next) !== -1) {
    // ok: js-open-redirect
    res.redirect(next);
  }
  if (ALLOWED.indexOf(next) === -1) {
    // ruleid: js-open-redirect
    res.redirect(next);
  }
});
