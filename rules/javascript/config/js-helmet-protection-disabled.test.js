const helmet = require('helmet');
import secureHeaders from 'helmet';

// ruleid: js-helmet-protection-disabled
app.use(helmet({ contentSecurityPolicy: false }));
app.use(secureHeaders({
  // ruleid: js-helmet-protection-disabled
  frameguard: false,
  // ruleid: js-helmet-protection-disabled
  hsts: false,
}));

// ok: js-helmet-protection-disabled
app.use(helmet());
// ok: js-helmet-protection-disabled
app.use(helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'"] } } }));
// ok: js-helmet-protection-disabled
app.use(helmet({ crossOriginEmbedderPolicy: false }));
// ok: js-helmet-protection-disabled
app.use(otherHeaders({ contentSecurityPolicy: false }));
// ok: js-helmet-protection-disabled
const headerConfig = { hsts: false };
