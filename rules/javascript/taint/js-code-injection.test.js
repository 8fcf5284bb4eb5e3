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

// ok: js-code-injection
eval('1 + 1');
