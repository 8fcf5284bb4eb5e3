const session = require('express-session');
const cookieSession = require('cookie-session');
const nodemailer = require('nodemailer');

app.use(session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  // ruleid: js-cookie-secure-false
  cookie: { secure: false, maxAge: 3600000 },
}));

// ruleid: js-cookie-secure-false
app.use(cookieSession({ name: 'session', keys, secure: false }));

// ok: js-cookie-secure-false
app.use(session({ secret, cookie: { secure: true } }));
// ok: js-cookie-secure-false
app.use(session({ secret, cookie: { secure: process.env.NODE_ENV === 'production' } }));
// ok: js-cookie-secure-false
const transport = nodemailer.createTransport({ host, port: 587, secure: false });
// ok: js-cookie-secure-false
const db = { ssl: { secure: false } };
