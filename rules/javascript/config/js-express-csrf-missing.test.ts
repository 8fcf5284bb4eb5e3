import express from 'express';
import cookieSession from 'cookie-session';
import bodyParser from 'body-parser';

const app = express();
app.use(bodyParser.urlencoded({ extended: true }));
// ok: js-express-csrf-missing
app.use(cookieSession({ name: 'session', keys: [process.env.KEY!], sameSite: 'lax' }));

app.delete('/posts/:id', (req, res) => {
  res.sendStatus(204);
});
