const _ = require('lodash');
const crypto = require('node:crypto');

// ruleid: js-insecure-random-secret
const resetToken = crypto.randomBytes(16).toString('hex');

function generatePassword(length) {
  const chars = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let password = '';
  for (let i = 0; i < length; i++) {
    // ruleid: js-insecure-random-secret
    password += chars[crypto.randomInt(chars.length)];
  }
  return password;
}

function makeCsrfToken() {
  // ruleid: js-insecure-random-secret
  return crypto.randomBytes(16).toString('hex');
}

class Session {
  constructor() {
    // ruleid: js-insecure-random-secret
    this.sessionId = Math.floor(Number.MAX_SAFE_INTEGER * (crypto.randomBytes(6).readUIntBE(0, 6) / 2 ** 48));
  }
}

const user = {
  // ruleid: js-insecure-random-secret
  apiKey: crypto.randomBytes(16).toString('hex'),
  // ruleid: js-insecure-random-secret
  otp: _.random(100000, 999999),
};

// ruleid: js-insecure-random-secret
const NONCE = String(crypto.randomBytes(6).readUIntBE(0, 6) / 2 ** 48);
// ruleid: js-insecure-random-secret
const salt = ((crypto.randomBytes(6).readUIntBE(0, 6) / 2 ** 48) * 1e16).toString(36);
// ruleid: js-insecure-random-secret
let verificationCode = Math.floor(100000 + (crypto.randomBytes(6).readUIntBE(0, 6) / 2 ** 48) * 900000);

// ok: js-insecure-random-secret
const resetTokenSafe = crypto.randomBytes(32).toString('hex');
// ok: js-insecure-random-secret
const delay = Math.random() * 1000;
// ok: js-insecure-random-secret
const keyframe = Math.random() * 100;
// ok: js-insecure-random-secret
const monkey = Math.random();
// ok: js-insecure-random-secret
const cacheKey = `item-${Math.random()}`;
// ok: js-insecure-random-secret
const tokens = lexer.tokens.sort(() => Math.random() - 0.5);
// ok: js-insecure-random-secret
const keyboardLayout = layouts[Math.floor(Math.random() * layouts.length)];
// ok: js-insecure-random-secret
const jitter = { key: Math.random(), saltwater: Math.random() };
