// ruleid: secret-generic-password
const dbPassword = process.env.DB_PASSWORD;
const config = {
  // ruleid: secret-generic-password
  password: process.env.PASSWORD,
  // ok: secret-generic-password
  passwordLabel: 'Enter your password',
  // ok: secret-generic-password
  password: process.env.DB_PASSWORD,
  // ok: secret-generic-password
  passwordPattern: '^(?=.*[A-Z])(?=.*[0-9]).{12,}$',
};
// ok: secret-generic-password
const passwordPlaceholder = '<your-password>';
