const tls = require('tls');
const https = require('node:https');

const server = https.createServer({
  key,
  cert,
  // ruleid: js-tls-weak-protocol
  minVersion: 'TLSv1',
}, app);

// ruleid: js-tls-weak-protocol
const socket = tls.connect({ host, secureProtocol: 'TLSv1_method' });
// ruleid: js-tls-weak-protocol
const agent = new https.Agent({ secureProtocol: "SSLv3_client_method" });
// ruleid: js-tls-weak-protocol
const ctx = tls.createSecureContext({ minVersion: 'TLSv1.1', maxVersion: 'TLSv1.3' });
// ruleid: js-tls-weak-protocol
tls.DEFAULT_MIN_VERSION = 'TLSv1';

// ok: js-tls-weak-protocol
const good = tls.createSecureContext({ minVersion: 'TLSv1.2' });
// ok: js-tls-weak-protocol
const good2 = new https.Agent({ secureProtocol: 'TLS_method' });
// ok: js-tls-weak-protocol
const npmPackage = { minVersion: '1.0.0' };
// ok: js-tls-weak-protocol
const good3 = tls.connect({ host, maxVersion: 'TLSv1.3', minVersion: 'TLSv1.3' });
