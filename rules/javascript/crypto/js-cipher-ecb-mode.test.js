const crypto = require('crypto');
const CryptoJS = require('crypto-js');
import forge from 'node-forge';
import { createDecipheriv } from 'node:crypto';

// ruleid: js-cipher-ecb-mode
const c1 = crypto.createCipheriv('aes-128-ecb', key, null);
// ruleid: js-cipher-ecb-mode
const c2 = createDecipheriv('AES-256-ECB', key, Buffer.alloc(0));
// ruleid: js-cipher-ecb-mode
const c3 = forge.cipher.createCipher('AES-ECB', key);
const e1 = CryptoJS.AES.encrypt(message, key, {
  // ruleid: js-cipher-ecb-mode
  mode: CryptoJS.mode.ECB,
  padding: CryptoJS.pad.Pkcs7,
});

// ok: js-cipher-ecb-mode
const a1 = crypto.createCipheriv('aes-256-gcm', key, iv);
// ok: js-cipher-ecb-mode
const a2 = CryptoJS.AES.encrypt(message, key, { mode: CryptoJS.mode.CBC, iv });
// ok: js-cipher-ecb-mode
const a3 = forge.cipher.createCipher('AES-CBC', key);
// ok: js-cipher-ecb-mode
const settings = { mode: 'ecb-report' };
