const crypto = require('crypto');
import { createHash as hash, createVerify } from 'node:crypto';

function signPayload(data, privateKey) {
  // ruleid: js-weak-hash-signature
  const signer = crypto.createSign('RSA-SHA1');
  signer.update(data);
  return signer.sign(privateKey, 'base64');
}

// ruleid: js-weak-hash-signature
const verifier = createVerify("sha1");
// ruleid: js-weak-hash-signature
const ok = crypto.verify('md5', data, publicKey, sig);

// ruleid: js-weak-hash-signature
const integrity = crypto.createHash('md5').update(bundle).digest('base64');
// ruleid: js-weak-hash-signature
const downloadToken = hash("sha1").update(userId + SECRET).digest('hex');

function computeSignature(body) {
  // ruleid: js-weak-hash-signature
  return crypto.createHash('sha1').update(body + secret).digest('hex');
}

// ruleid: js-weak-hash-signature
const digest = crypto.createHash('md5').update(`${params}&key=${apiKey}`).digest('hex');
// ruleid: js-weak-hash-signature
const h = hash('sha1').update(CLIENT_SECRET + nonce).digest('hex');
// ok: js-weak-hash-signature
const fp = crypto.createHash('md5').update(keyPath).digest('hex');
// ok: js-weak-hash-signature
const etag = crypto.createHash('sha1').update(body).digest('base64');
// ok: js-weak-hash-signature
const cacheKey = crypto.createHash('md5').update(JSON.stringify(opts)).digest('hex');
// ok: js-weak-hash-signature
const signer2 = crypto.createSign('sha256');
// ok: js-weak-hash-signature
const signature = crypto.createHash('sha256').update(body).digest('hex');
// ok: js-weak-hash-signature
const edSig = crypto.sign(null, data, ed25519Key);
// ok: js-weak-hash-signature
const designHash = crypto.createHash('md5').update(layout).digest('hex');
