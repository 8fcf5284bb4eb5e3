const tls = require('tls');
const https = require('https');

// ruleid: js-tls-weak-ciphers
const s1 = tls.createServer({ key, cert, ciphers: 'RC4-SHA:AES128-SHA' });
// ruleid: js-tls-weak-ciphers
const s2 = https.createServer({ key, cert, ciphers: 'ALL:eNULL' }, app);
// ruleid: js-tls-weak-ciphers
const a1 = new https.Agent({ ciphers: 'EXP-RC4-MD5:DES-CBC-SHA' });
// ruleid: js-tls-weak-ciphers
const a2 = tls.connect({ host, ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:NULL-SHA256' });
// ruleid: js-tls-weak-ciphers
tls.DEFAULT_CIPHERS = 'HIGH:RC4';

// ok: js-tls-weak-ciphers
const g1 = tls.createServer({ key, cert, ciphers: 'HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK' });
// ok: js-tls-weak-ciphers
const g2 = tls.createServer({ ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305' });
// ruleid: js-tls-weak-ciphers
const legacy = tls.createServer({ ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA' });
// ok: js-tls-weak-ciphers
const g3 = tls.createServer({ ciphers: 'TLS_AES_256_GCM_SHA384:ECDHE-RSA-AES128-GCM-SHA256:-RC4' });
// ok: js-tls-weak-ciphers
const g4 = tls.createServer({ ciphers: process.env.TLS_CIPHERS });
