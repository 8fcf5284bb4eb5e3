const express = require('express');
const vm = require('vm');
const app = express();

app.post('/calc', (req, res) => {
  // ruleid: js-code-injection
  const result = eval(req.body.expression);
  // ruleid: js-code-injection
  const fn = new Function('x', req.body.body);
  // ruleid: js-code-injection
  vm.runInNewContext(req.body.code, {});
  // ok: js-code-injection
  const data = JSON.parse(req.body.json);
  res.json({ result, data, fn });
});

app.post('/settings', (req, res) => {
  // Data written as a JavaScript object literal: JSON.parse reads the JSON form of it.
  // ruleid: js-code-injection
  const settings = JSON.parse(req.body.settings);
  // ruleid: js-code-injection
  res.json({ settings, filters: JSON.parse(req.query.filters) });
  // A statement run for its effect is code, not data: no fix.
  // ruleid: js-code-injection
  eval(req.body.hook);
});

// ok: js-code-injection
eval('1 + 1');
