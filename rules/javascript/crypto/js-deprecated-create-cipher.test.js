const crypto = require('crypto');
const { createDecipher } = require('node:crypto');
import { createCipher as makeCipher } from 'crypto';

// ruleid: js-deprecated-create-cipher
const cipher = crypto.createCipher('aes-256-cbc', password);
// ruleid: js-deprecated-create-cipher
const decipher = createDecipher('aes192', secret);
// ruleid: js-deprecated-create-cipher
const c2 = makeCipher(algorithm, key);

// ok: js-deprecated-create-cipher
const safe = crypto.createCipheriv('aes-256-gcm', key, crypto.randomBytes(12));
// ok: js-deprecated-create-cipher
const forgeCipher = forge.cipher.createCipher('AES-GCM', key);
// ok: js-deprecated-create-cipher
const d2 = crypto.createDecipheriv('aes-256-gcm', key, iv);
