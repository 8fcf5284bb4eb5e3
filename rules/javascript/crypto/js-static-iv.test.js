const crypto = require('crypto');
const { createCipheriv } = require('node:crypto');
import { Buffer as B } from 'node:buffer';

const IV = '0123456789abcdef';
const IV_HEX = '000102030405060708090a0b0c0d0e0f';

function encrypt(text, key) {
  // ruleid: js-static-iv
  const c1 = crypto.createCipheriv('aes-256-cbc', key, 'abcdefghijklmnop');
  // ruleid: js-static-iv
  const c2 = createCipheriv('aes-256-cbc', key, IV);
  // ruleid: js-static-iv
  const c3 = crypto.createCipheriv('aes-256-gcm', key, Buffer.alloc(12));
  // ruleid: js-static-iv
  const c4 = crypto.createCipheriv('aes-256-ctr', key, Buffer.from(IV_HEX, 'hex'));
  // ruleid: js-static-iv
  const c5 = createCipheriv('aes-128-cbc', key, Buffer.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]));
  // ruleid: js-static-iv
  const c6 = createCipheriv('aes-128-cbc', key, B.alloc(16, 0));
}

function encryptSafe(text, key) {
  const iv = crypto.randomBytes(16);
  // ok: js-static-iv
  const c1 = crypto.createCipheriv('aes-256-cbc', key, iv);
  // ok: js-static-iv
  const c2 = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));
  // ok: js-static-iv
  const c3 = crypto.createCipheriv('aes-128-ecb', key, null);
  // ok: js-static-iv
  const c4 = crypto.createCipheriv('aes-256-cbc', key, Buffer.from(ivHex, 'hex'));
  // ok: js-static-iv
  const d1 = crypto.createDecipheriv('aes-256-cbc', key, Buffer.from(stored.iv, 'base64'));
  // ok: js-static-iv
  const c5 = crypto.createCipheriv('aes-128-ecb', key, '');
  // ok: js-static-iv
  const wrap = crypto.createCipheriv('id-aes256-wrap', kek, Buffer.alloc(8, 0xa6));
  // ok: js-static-iv
  const wrap2 = crypto.createCipheriv(wrapAlgorithm, kek, Buffer.alloc(8, 0xa6));
}
