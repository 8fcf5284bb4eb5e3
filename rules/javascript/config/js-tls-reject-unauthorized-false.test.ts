import * as https from 'node:https';
import type { ClientOptions } from 'ws';

// ruleid: js-tls-reject-unauthorized-false
const agent = new https.Agent({ rejectUnauthorized: false } as https.AgentOptions);

const wsOptions: ClientOptions = {
  // ruleid: js-tls-reject-unauthorized-false
  rejectUnauthorized: false,
};

// ok: js-tls-reject-unauthorized-false
const strict = new https.Agent({ rejectUnauthorized: true } satisfies https.AgentOptions);

interface TlsFlags {
  // ok: js-tls-reject-unauthorized-false
  rejectUnauthorized: boolean;
}
