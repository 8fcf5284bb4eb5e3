const { spawn } = require('child_process');

// ruleid: js-node-tls-reject-unauthorized-env
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
// ruleid: js-node-tls-reject-unauthorized-env
process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = 0;
// ruleid: js-node-tls-reject-unauthorized-env
process.env["NODE_TLS_REJECT_UNAUTHORIZED"] = "0";

spawn('node', ['worker.js'], {
  // ruleid: js-node-tls-reject-unauthorized-env
  env: { ...process.env, NODE_TLS_REJECT_UNAUTHORIZED: '0' },
});

// ok: js-node-tls-reject-unauthorized-env
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '1';
// ok: js-node-tls-reject-unauthorized-env
delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
// ok: js-node-tls-reject-unauthorized-env
const disabled = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
// ok: js-node-tls-reject-unauthorized-env
process.env.NODE_EXTRA_CA_CERTS = '/etc/ssl/ca.pem';
// ok: js-node-tls-reject-unauthorized-env
process.env.NODE_TLS_REJECT_UNAUTHORIZED = previousValue;
