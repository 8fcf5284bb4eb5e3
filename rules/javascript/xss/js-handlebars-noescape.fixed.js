const Handlebars = require('handlebars');
import hbs from 'handlebars';

// ruleid: js-handlebars-noescape
const page = Handlebars.compile(source, {  });
// ruleid: js-handlebars-noescape
const mail = hbs.compile(mailSource, { strict: true });
// ruleid: js-handlebars-noescape
const spec = Handlebars.precompile(source, { knownHelpersOnly: true });
// ok: js-handlebars-noescape
const safe = Handlebars.compile(source, { noEscape: false });
// ok: js-handlebars-noescape
const plain = Handlebars.compile(source);
// ok: js-handlebars-noescape
const other = mustacheLike.compile(source, { noEscape: true });
