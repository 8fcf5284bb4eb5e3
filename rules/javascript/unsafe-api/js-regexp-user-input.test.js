const _ = require('lodash');
import escapeStringRegexp from 'escape-string-regexp';

app.get('/search', (req, res) => {
  // ruleid: js-regexp-user-input
  const re = new RegExp(req.query.q, 'i');
  // ruleid: js-regexp-user-input
  const byPrefix = RegExp('^' + req.params.prefix);
  // ruleid: js-regexp-user-input
  const fromBody = new RegExp(`^${req.body.field}:(.*)$`);
  // ok: js-regexp-user-input
  const safe = new RegExp(_.escapeRegExp(req.query.q), 'i');
  // ok: js-regexp-user-input
  const safe2 = new RegExp('^' + escapeStringRegexp(req.params.prefix));
  // ok: js-regexp-user-input
  const safe3 = new RegExp(escapeRegExp(req.query.q) + '$', 'g');
  // ok: js-regexp-user-input
  res.json(items.filter((item) => item.title.includes(req.query.q)));
});

searchBox.addEventListener('input', (event) => {
  // ruleid: js-regexp-user-input
  const filter = new RegExp(event.target.value, 'i');
  // ruleid: js-regexp-user-input
  const highlight = new RegExp(`(${searchInput.value})`, 'gi');
  // ruleid: js-regexp-user-input
  const fromUrl = new RegExp(new URLSearchParams(location.search).get('q'));
});

const WORD = '\\b\\w+\\b';
// ok: js-regexp-user-input
const words = new RegExp(WORD, 'g');
// ok: js-regexp-user-input
const digits = new RegExp('^\\d+$');
// ok: js-regexp-user-input
const ident = new RegExp('^' + identifier + '$');
// ok: js-regexp-user-input
const copy = new RegExp(re.source, 'g');
