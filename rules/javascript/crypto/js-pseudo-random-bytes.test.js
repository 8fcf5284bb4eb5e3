const crypto = require('crypto');
const { pseudoRandomBytes } = require('node:crypto');

// ruleid: js-pseudo-random-bytes
const token = crypto.pseudoRandomBytes(32).toString('hex');
// ruleid: js-pseudo-random-bytes
const salt = pseudoRandomBytes(16);

// ok: js-pseudo-random-bytes
const good = crypto.randomBytes(32);
// ok: js-pseudo-random-bytes
const other = prng.pseudoRandomBytes(8);
