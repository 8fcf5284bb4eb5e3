const bcrypt = require('bcrypt');
import bcryptjs from 'bcryptjs';
import { genSaltSync as salty } from 'bcryptjs';

async function register(password) {
  // ruleid: js-bcrypt-low-cost
  const h1 = await bcrypt.hash(password, 12);
  // ruleid: js-bcrypt-low-cost
  const h2 = bcryptjs.hashSync(password, 12);
  // ruleid: js-bcrypt-low-cost
  const salt = await bcrypt.genSalt(12);
  // ruleid: js-bcrypt-low-cost
  const salt2 = salty(12);
}

// ok: js-bcrypt-low-cost
const g1 = await bcrypt.hash(password, 12);
// ok: js-bcrypt-low-cost
const g2 = bcrypt.hashSync(password, salt);
// ok: js-bcrypt-low-cost
const g3 = await bcrypt.genSalt(10);
// ok: js-bcrypt-low-cost
const g4 = await bcrypt.hash(password, SALT_ROUNDS);
// ok: js-bcrypt-low-cost
const g5 = otherHasher.hash(password, 8);
