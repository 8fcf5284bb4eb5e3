const crypto = require('crypto');
const { pbkdf2 } = require('node:crypto');
import CryptoJS from 'crypto-js';
const forge = require('node-forge');

// ruleid: js-pbkdf2-weak-params
const k1 = crypto.pbkdf2Sync(password, salt, 1000, 32, 'sha256');
// ruleid: js-pbkdf2-weak-params
pbkdf2(password, salt, 10000, 64, 'sha512', done);
// ruleid: js-pbkdf2-weak-params
const k2 = crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha1');
// ruleid: js-pbkdf2-weak-params
const k3 = CryptoJS.PBKDF2(password, salt, { keySize: 8, iterations: 1000 });
// ruleid: js-pbkdf2-weak-params
const k4 = forge.pkcs5.pbkdf2(password, salt, 4096, 32);
// ruleid: js-pbkdf2-weak-params
const k5 = crypto.pbkdf2Sync(password, salt, 99_999, 32, 'sha256');

// ok: js-pbkdf2-weak-params
const s1 = crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256');
// ok: js-pbkdf2-weak-params
const s2 = crypto.pbkdf2Sync(password, salt, 210_000, 64, 'sha512');
// ok: js-pbkdf2-weak-params
pbkdf2(password, salt, config.iterations, 32, 'sha256', done);
// ok: js-pbkdf2-weak-params
const s3 = CryptoJS.PBKDF2(password, salt, { keySize: 8, iterations: 250000 });
// ok: js-pbkdf2-weak-params
const s4 = otherLib.pbkdf2Sync(password, salt, 1000, 32, 'sha1');
