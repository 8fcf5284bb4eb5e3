require('dotenv').config();
const path = require('path');
const express = require('express');
const session = require('express-session');
const cookieParser = require('cookie-parser');
const helmet = require('helmet');
const rateLimit = require('express-rate-limit');

const { requireLogin, requireAdmin } = require('./middleware/auth');

const app = express();
app.set('trust proxy', 1);

app.use(helmet());
app.use(express.json({ limit: '1mb' }));
app.use(express.urlencoded({ extended: false }));
app.use(cookieParser());
app.use(
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, secure: process.env.NODE_ENV === 'production', sameSite: 'lax' },
  }),
);

app.use('/api/auth', rateLimit({ windowMs: 15 * 60 * 1000, limit: 50 }), require('./routes/auth'));
app.use('/api/notes', requireLogin, require('./routes/notes'));
app.use('/api/attachments', requireLogin, require('./routes/attachments'));
app.use('/api/export', requireLogin, require('./routes/export'));
app.use('/api/webhooks', requireLogin, require('./routes/webhooks'));
app.use('/api/admin', requireLogin, requireAdmin, require('./routes/admin'));
app.use('/share', require('./routes/share'));

app.use(express.static(path.join(__dirname, '..', 'client', 'dist')));

app.use((err, req, res, next) => {
  console.error(err);
  res.status(err.status || 500).json({ error: err.expose ? err.message : 'Internal error' });
});

const port = Number(process.env.PORT) || 3000;
app.listen(port, () => console.log(`notes listening on :${port}`));
