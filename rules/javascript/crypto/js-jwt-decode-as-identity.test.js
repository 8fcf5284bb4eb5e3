const jwt = require('jsonwebtoken');
import { decodeJwt } from 'jose';
import { decode as decodeToken } from 'jsonwebtoken';

function authenticate(req, res, next) {
  const token = req.headers.authorization.split(' ')[1];
  // ruleid: js-jwt-decode-as-identity
  req.user = jwt.decode(token);
  next();
}

// ruleid: js-jwt-decode-as-identity
const claims = decodeJwt(idToken);
// ruleid: js-jwt-decode-as-identity
const { role } = decodeToken(token);

function getCurrentUser(token) {
  // ruleid: js-jwt-decode-as-identity
  return jwt.decode(token);
}

// ok: js-jwt-decode-as-identity
const header = jwt.decode(token, { complete: true }).header;
// ok: js-jwt-decode-as-identity
req.user = jwt.verify(token, publicKey, { algorithms: ['RS256'] });
// ok: js-jwt-decode-as-identity
const user = myJwtLib.decode(token);
// ok: js-jwt-decode-as-identity
const expiresAt = decodeJwt(accessToken).exp * 1000;
// ok: js-jwt-decode-as-identity
const authorName = jwt.decode(token);
