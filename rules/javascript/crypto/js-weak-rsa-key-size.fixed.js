const crypto = require('crypto');
const { generateKeyPair } = require('node:crypto');
const forge = require('node-forge');
const NodeRSA = require('node-rsa');

// ruleid: js-weak-rsa-key-size
const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
generateKeyPair('rsa', {
  // ruleid: js-weak-rsa-key-size
  modulusLength: 2048,
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}, done);
// ruleid: js-weak-rsa-key-size
const dsa = crypto.generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 160 });
// ruleid: js-weak-rsa-key-size
const fk = forge.pki.rsa.generateKeyPair({ bits: 1024, e: 0x10001 });
// ruleid: js-weak-rsa-key-size
const fk2 = forge.pki.rsa.generateKeyPair(512);
// ruleid: js-weak-rsa-key-size
const nr = new NodeRSA({ b: 1024 });

// ok: js-weak-rsa-key-size
const good = crypto.generateKeyPairSync('rsa', { modulusLength: 4096 });
// ok: js-weak-rsa-key-size
const good2 = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
// ok: js-weak-rsa-key-size
const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' });
// ok: js-weak-rsa-key-size
const dh = crypto.generateKeyPairSync('dh', { primeLength: 2048 });
// ok: js-weak-rsa-key-size
const fromOpts = crypto.generateKeyPairSync('rsa', { modulusLength: options.bits });
// ok: js-weak-rsa-key-size
const fk3 = forge.pki.rsa.generateKeyPair({ bits: 2048 });
