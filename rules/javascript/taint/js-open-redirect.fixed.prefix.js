// Taint that enters after a prefix pinning the destination (`/users/`, `https://host/`, `?`)
// cannot send the user elsewhere; a prefix that leaves the host open can.
const express = require('express');

const app = express();
const SITE = 'https://www.example.com';

app.get('/users', (req, res) => {
  const id = req.query.id;
  // ok: js-open-redirect
  res.redirect('/users/' + id);
  // ok: js-open-redirect
  res.redirect(`/users/${id}/edit`);
  // ok: js-open-redirect
  res.redirect(`${SITE}/users/${id}`);
  // ok: js-open-redirect
  res.redirect('https://www.example.com/search?q=' + req.query.q);
  // ok: js-open-redirect
  res.redirect('?page=' + req.query.page);
  const target = '/items/' + req.query.item;
  // ok: js-open-redirect
  res.redirect(302, target);
});

app.get('/open', (req, res) => {
  const id = req.query.id;
  // `'/' + x` is `//evil.example` when x starts with `/`.
  // ruleid: js-open-redirect
  res.redirect(safeRedirect('/' + req.query.path));
  // ruleid: js-open-redirect
  res.redirect('//' + req.query.host + '/home');
  // Browsers read `/\` as `//`.
  // ruleid: js-open-redirect
  res.redirect(safeRedirect('/\\' + req.query.host));
  // URL parsers drop tabs: `/\t/evil` is `//evil`.
  // ruleid: js-open-redirect
  res.redirect(safeRedirect('/\t/' + req.query.host));
  // A scheme without a host: the value is the host.
  // ruleid: js-open-redirect
  res.redirect('https://' + req.query.host);
  // The host comes first; the pinned path after it does not help.
  // ruleid: js-open-redirect
  res.redirect(`https://${req.query.host}/users/${id}`);
  // ruleid: js-open-redirect
  res.redirect(safeRedirect(`${req.query.base}/users/${id}`));
});

function searchFromHash() {
  const q = new URLSearchParams(location.search);
  // ok: js-open-redirect
  location.href = '/search?q=' + q.get('q');
  // ruleid: js-open-redirect
  location.href = safeRedirect('/' + q.get('next'));
}

// Allows only paths on this site ("/account"), never "//evil.example" or "https://…".
// Browsers read "\" as "/" and drop tabs and newlines, so none of them may follow the "/".
function safeRedirect(target) {
  return typeof target === 'string' && /^\/(?![/\\\t\n\r])/.test(target) ? target : '/';
}
