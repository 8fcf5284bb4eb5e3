const express = require('express');
const session = require('express-session');

const app = express();
app.use(express.urlencoded({ extended: false }));
// ruleid: js-express-csrf-missing
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.post('/account/email', (req, res) => {
  req.session.user.email = req.body.email;
  res.redirect('/account');
});
