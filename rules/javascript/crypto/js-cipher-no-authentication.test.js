const crypto = require('crypto');
import { createDecipheriv } from 'node:crypto';

function encrypt(text, key) {
  const iv = crypto.randomBytes(16);
  // ruleid: js-cipher-no-authentication
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return iv.toString('hex') + ':' + cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

function decrypt(data, key, iv) {
  // ruleid: js-cipher-no-authentication
  const decipher = createDecipheriv('AES256', key, iv);
  return decipher.update(data, 'hex', 'utf8') + decipher.final('utf8');
}

function streamCipher(key, iv) {
  // ruleid: js-cipher-no-authentication
  return crypto.createCipheriv('aes-128-ctr', key, iv);
}

function sealed(text, key, macKey) {
  const iv = crypto.randomBytes(16);
  // ok: js-cipher-no-authentication
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  const data = Buffer.concat([iv, cipher.update(text), cipher.final()]);
  const mac = crypto.createHmac('sha256', macKey).update(data).digest();
  return Buffer.concat([data, mac]);
}

function opened(box, key, macKey) {
  verifyMac(box, macKey);
  // ok: js-cipher-no-authentication
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, box.subarray(0, 16));
  return Buffer.concat([decipher.update(box.subarray(16, -32)), decipher.final()]);
}

function gcm(text, key) {
  const iv = crypto.randomBytes(12);
  // ok: js-cipher-no-authentication
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  return [cipher.update(text), cipher.final(), cipher.getAuthTag()];
}

function configured(options, key, iv) {
  // ok: js-cipher-no-authentication
  return crypto.createCipheriv(options.algorithm, key, iv);
}
