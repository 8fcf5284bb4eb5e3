const crypto = require('crypto');
import { getDiffieHellman, createDiffieHellman } from 'node:crypto';

// ruleid: js-weak-dh-group
const dh1 = crypto.getDiffieHellman('modp2');
// ruleid: js-weak-dh-group
const dh2 = getDiffieHellman('modp1');
// ruleid: js-weak-dh-group
const dh3 = createDiffieHellman(1024);
// ruleid: js-weak-dh-group
const dh4 = crypto.createDiffieHellmanGroup('modp5');
// ruleid: js-weak-dh-group
const dh5 = crypto.generateKeyPairSync('dh', { primeLength: 1024 });

// ok: js-weak-dh-group
const g1 = crypto.getDiffieHellman('modp14');
// ok: js-weak-dh-group
const g2 = createDiffieHellman(2048);
// ok: js-weak-dh-group
const g3 = crypto.createDiffieHellman(primeFromPeer, 'hex');
// ok: js-weak-dh-group
const g4 = crypto.createECDH('prime256v1');
// ok: js-weak-dh-group
const g5 = crypto.generateKeyPairSync('dh', { group: 'modp15' });
