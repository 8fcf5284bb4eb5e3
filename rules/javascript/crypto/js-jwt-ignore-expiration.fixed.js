const jwt = require('jsonwebtoken');
import { verify as verifyJwt } from 'jsonwebtoken';

// ruleid: js-jwt-ignore-expiration
const claims = jwt.verify(token, key, { algorithms: ['RS256'], ignoreExpiration: false });
verifyJwt(token, key, {
  // ruleid: js-jwt-ignore-expiration
  ignoreExpiration: false,
}, cb);

// ok: js-jwt-ignore-expiration
const ok1 = jwt.verify(token, key, { algorithms: ['RS256'] });
// ok: js-jwt-ignore-expiration
const ok2 = jwt.verify(token, key, { ignoreExpiration: false });
// ok: js-jwt-ignore-expiration
const ok3 = customVerifier.verify(token, { ignoreExpiration: true });
