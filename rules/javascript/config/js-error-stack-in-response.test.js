const express = require('express');
const app = express();

app.use((err, req, res, next) => {
  // ruleid: js-error-stack-in-response
  res.status(500).send(err.stack);
});

app.use(function onError(error, req, res, next) {
  // ruleid: js-error-stack-in-response
  res.json({ message: error.message, stack: error.stack });
});

app.use((err, req, res, next) => {
  logger.error(err.stack);
  // ok: js-error-stack-in-response
  res.status(500).json({ error: 'Internal error' });
});

app.use((err, req, res, next) => {
  // ok: js-error-stack-in-response
  res.status(500).json({ error: err.message, stack: isDev ? err.stack : undefined });
});

// ok: js-error-stack-in-response
process.stderr.write(err.stack);
