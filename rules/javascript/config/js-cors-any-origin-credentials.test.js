const cors = require('cors');
import fastifyCors from '@fastify/cors';
import corsMiddleware from 'cors';

// ruleid: js-cors-any-origin-credentials
app.use(cors({ origin: true, credentials: true }));
// ruleid: js-cors-any-origin-credentials
app.use(corsMiddleware({ credentials: true, origin: '*' }));
app.use(cors({
  // ruleid: js-cors-any-origin-credentials
  origin: (origin, callback) => callback(null, true),
  credentials: true,
}));
// ruleid: js-cors-any-origin-credentials
fastify.register(fastifyCors, { origin: true, credentials: true });

// ok: js-cors-any-origin-credentials
app.use(cors({ origin: ['https://app.example.com'], credentials: true }));
// ok: js-cors-any-origin-credentials
app.use(cors({ origin: '*' }));
// ok: js-cors-any-origin-credentials
app.use(cors({ origin: (origin, cb) => cb(null, allowList.includes(origin)), credentials: true }));
// ok: js-cors-any-origin-credentials
app.use(cors({ origin: true, credentials: false }));
// ok: js-cors-any-origin-credentials
socketServer.configure({ origin: true, credentials: true });
