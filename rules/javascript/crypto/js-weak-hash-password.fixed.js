const crypto = require('crypto');
const { createHash } = require('node:crypto');
import CryptoJS from 'crypto-js';
import md5 from 'md5';

function register(req) {
  // ruleid: js-weak-hash-password
  const hashed = crypto.createHash('md5').update(req.body.password).digest('hex');
  // ruleid: js-weak-hash-password
  const h2 = createHash('SHA1').update(password + salt).digest('hex');
  // ruleid: js-weak-hash-password
  const passwordHash = createHash('sha1');
  // ruleid: js-weak-hash-password
  const digest = CryptoJS.MD5(user.password).toString();
  // ruleid: js-weak-hash-password
  const legacy = md5(pwd);
}

// Passwords are stored as "scrypt$N$r$p$salt$hash" (hex, about 180 characters): scrypt with
// OWASP's minimum parameters (N=2^17, r=8, p=1) and a random 16-byte salt per password.
// Hashes stored before this change do not verify: have those users reset their password.
const SCRYPT_PARAMS = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 };

function scryptKey(password, salt, keylen, params) {
  return new Promise((resolve, reject) => {
    crypto.scrypt(password, salt, keylen, params, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

async function hashPassword(plain) {
  const salt = crypto.randomBytes(16);
  const key = await scryptKey(plain, salt, 64, SCRYPT_PARAMS);
  const { N, r, p } = SCRYPT_PARAMS;
  return `scrypt$${N}$${r}$${p}$${salt.toString('hex')}$${key.toString('hex')}`;
}

// ok: js-weak-hash-password
const etag = crypto.createHash('md5').update(body).digest('hex');
// ok: js-weak-hash-password
const good = crypto.createHash('sha256').update(fileContents).digest('hex');
// ok: js-weak-hash-password
const passwordDigest = crypto.scryptSync(password, salt, 64);
// ok: js-weak-hash-password
const fingerprint = md5(passage);
// ok: js-weak-hash-password
const h3 = other.createHash('md5').update(password);
// ok: js-weak-hash-password
const bypass = crypto.createHash('sha1').update(compassion).digest();
// ok: js-weak-hash-password
const skip = crypto.createHash('sha1').update(bypass).digest();
// ok: js-weak-hash-password
const ha1 = md5(user + ':' + realm + ':' + pass);

// A caller that is not async cannot wait for scrypt: no fix is offered for this one.
function passwordDigest(pw) {
  // ruleid: js-weak-hash-password
  return crypto.createHash('md5').update(pw).digest('hex');
}

function checkLogin(user, password) {
  return user.hash === passwordDigest(password);
}
