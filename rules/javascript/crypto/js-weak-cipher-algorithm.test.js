const crypto = require('crypto');
const { createDecipheriv } = require('node:crypto');
const CryptoJS = require('crypto-js');
const forge = require('node-forge');
import { TripleDES } from 'crypto-js';

// ruleid: js-weak-cipher-algorithm
const c1 = crypto.createCipheriv('des-cbc', key, iv);
// ruleid: js-weak-cipher-algorithm
const c2 = crypto.createCipheriv('DES-EDE3-CBC', key, iv);
// ruleid: js-weak-cipher-algorithm
const c3 = createDecipheriv('rc4', key, '');
// ruleid: js-weak-cipher-algorithm
const c4 = crypto.createCipheriv("bf-cbc", key, iv);
// ruleid: js-weak-cipher-algorithm
const c5 = forge.cipher.createCipher('3DES-CBC', key);
// ruleid: js-weak-cipher-algorithm
const e1 = CryptoJS.DES.encrypt(message, key).toString();
// ruleid: js-weak-cipher-algorithm
const e2 = TripleDES.decrypt(ciphertext, key);
// ruleid: js-weak-cipher-algorithm
const e3 = CryptoJS.RC4.encrypt(message, key);

// ok: js-weak-cipher-algorithm
const a1 = crypto.createCipheriv('aes-256-gcm', key, iv);
// ok: js-weak-cipher-algorithm
const a2 = crypto.createCipheriv('chacha20-poly1305', key, iv, { authTagLength: 16 });
// ok: js-weak-cipher-algorithm
const a3 = CryptoJS.AES.encrypt(message, key);
// ok: js-weak-cipher-algorithm
const a4 = forge.cipher.createCipher('AES-GCM', key);
// ok: js-weak-cipher-algorithm
const a5 = crypto.createCipheriv(options.algorithm, key, iv);
// ok: js-weak-cipher-algorithm
const a6 = crypto.createCipheriv('aes-128-cbc', desKey, iv);
