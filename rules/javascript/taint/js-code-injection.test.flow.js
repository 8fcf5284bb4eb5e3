const express = require('express');

const app = express();

app.get('/calc', (req, res) => {
  const terms = ['1'];
  terms.push(req.query.expr);
  // ruleid: js-code-injection
  res.send(String(eval(terms.join(' + '))));
});

app.get('/fixed', (req, res) => {
  const num = 86;
  // The condition is fixed by the code: always the constant side.
  const code = (7 * 42) - num > 200 ? '2 + 2' : req.query.expr;
  // ok: js-code-injection
  res.send(String(eval(code)));
});

app.get('/live', (req, res) => {
  const code = req.query.mode === 'x' ? req.query.expr : '0';
  // ruleid: js-code-injection
  res.send(String(eval(code)));
});
