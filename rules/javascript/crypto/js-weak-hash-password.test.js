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

function hashPassword(plain) {
  // ruleid: js-weak-hash-password
  return crypto.createHash('md5').update(plain).digest('hex');
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
