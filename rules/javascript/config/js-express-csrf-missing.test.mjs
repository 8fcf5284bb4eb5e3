import express from 'express';
import session from 'express-session';
import { doubleCsrf } from 'csrf-csrf';

const app = express();
app.use(express.urlencoded({ extended: false }));
// ok: js-express-csrf-missing
app.use(session({ secret: process.env.SESSION_SECRET }));
const { doubleCsrfProtection } = doubleCsrf({ getSecret: () => process.env.CSRF_SECRET });
app.use(doubleCsrfProtection);

app.post('/account/email', (req, res) => {
  res.redirect('/account');
});
