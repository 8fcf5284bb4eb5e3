const crypto = require('crypto');
const { pseudoRandomBytes, randomBytes } = require('node:crypto');

// ruleid: js-pseudo-random-bytes
const token = crypto.randomBytes(32).toString('hex');
// ruleid: js-pseudo-random-bytes
const salt = randomBytes(16);

// ok: js-pseudo-random-bytes
const good = crypto.randomBytes(32);
// ok: js-pseudo-random-bytes
const other = prng.pseudoRandomBytes(8);
