const tls = require('tls');
const https = require('node:https');

const socket = tls.connect({
  host,
  port: 443,
  // ruleid: js-tls-check-server-identity-disabled
  });

const agent = new https.Agent({
  ca,
  // ruleid: js-tls-check-server-identity-disabled
  });

// ruleid: js-tls-check-server-identity-disabled
https.get(url, {  }, cb);

// ruleid: js-tls-check-server-identity-disabled
options.checkServerIdentity = () => {};

// ok: js-tls-check-server-identity-disabled
tls.connect({ host, checkServerIdentity: (name, cert) => tls.checkServerIdentity(name, cert) });
// ok: js-tls-check-server-identity-disabled
tls.connect({ host, checkServerIdentity: verifyPinnedCertificate });
// ok: js-tls-check-server-identity-disabled
tls.connect({ host, checkServerIdentity: (name, cert) => { if (!pinned(cert)) return new Error('bad pin'); } });
// ok: js-tls-check-server-identity-disabled
const handlers = { onClose: () => {} };
