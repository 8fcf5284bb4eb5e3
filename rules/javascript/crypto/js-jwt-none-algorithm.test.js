const jwt = require('jsonwebtoken');
import { sign as signJwt, verify } from 'jsonwebtoken';
import * as jose from 'jose';

// ruleid: js-jwt-none-algorithm
const claims = jwt.verify(token, key, { algorithms: ['HS256', 'none'] });
// ruleid: js-jwt-none-algorithm
verify(token, '', { algorithms: ["none"] }, cb);
// ruleid: js-jwt-none-algorithm
const t = signJwt({ sub: user.id }, '', { algorithm: 'none' });
// ruleid: js-jwt-none-algorithm
const { payload } = jose.UnsecuredJWT.decode(token);
// ruleid: js-jwt-none-algorithm
const unsecured = new jose.UnsecuredJWT({ sub: 'x' }).encode();

// ok: js-jwt-none-algorithm
const ok1 = jwt.verify(token, publicKey, { algorithms: ['RS256'] });
// ok: js-jwt-none-algorithm
const ok2 = jwt.sign(payload, privateKey, { algorithm: 'RS256', expiresIn: '1h' });
// ok: js-jwt-none-algorithm
const ok3 = await jose.jwtVerify(token, key, { algorithms: ['ES256'] });
// ok: js-jwt-none-algorithm
const ok4 = otherJwt.verify(token, key, { algorithms: ['none'] });
// ok: js-jwt-none-algorithm
const ok5 = jwt.verify(token, key, { algorithms: ['HS256'], issuer: 'none' });
