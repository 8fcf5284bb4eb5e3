const session = require('express-session');
const cookieSession = require('cookie-session');
import { serialize } from 'cookie';

app.use(session({
  secret: process.env.SESSION_SECRET,
  cookie: {
    // ruleid: js-cookie-httponly-false
    httpOnly: false,
    secure: true,
  },
}));

// ruleid: js-cookie-httponly-false
app.use(cookieSession({ name: 'session', keys, httpOnly: false }));

app.post('/login', (req, res) => {
  // ruleid: js-cookie-httponly-false
  res.cookie('auth_token', token, { httpOnly: false, secure: true });
  // ruleid: js-cookie-httponly-false
  ctx.cookies.set('sid', id, { httpOnly: false });
  // ruleid: js-cookie-httponly-false
  res.setHeader('Set-Cookie', serialize('session', id, { httpOnly: false }));

  // ok: js-cookie-httponly-false
  res.cookie('XSRF-TOKEN', req.csrfToken(), { httpOnly: false });
  // ok: js-cookie-httponly-false
  res.cookie('theme', 'dark', { httpOnly: false });
  // ok: js-cookie-httponly-false
  res.cookie('session', id, { httpOnly: true, secure: true });
});

// ok: js-cookie-httponly-false
app.use(session({ secret, cookie: { httpOnly: true } }));
// ok: js-cookie-httponly-false
const prefs = { httpOnly: false, path: '/' };
