const nodemailer = require('nodemailer');

const transport = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: Number(process.env.SMTP_PORT || 587),
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});

const FROM = process.env.MAIL_FROM || 'Notes <no-reply@notes.example>';

function sendMail(to, subject, text) {
  return transport.sendMail({ from: FROM, to, subject, text });
}

function sendPasswordReset(user, token) {
  const link = `${process.env.APP_URL}/reset?token=${encodeURIComponent(token)}`;
  return sendMail(user.email, 'Reset your password', `Hi ${user.name},\n\nOpen ${link} to choose a new password.\n`);
}

module.exports = { sendMail, sendPasswordReset };
