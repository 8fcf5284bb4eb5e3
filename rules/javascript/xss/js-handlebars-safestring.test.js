const Handlebars = require('handlebars');
import hb, { SafeString } from 'handlebars';

Handlebars.registerHelper('link', function (text, url) {
  // ruleid: js-handlebars-safestring
  return new Handlebars.SafeString('<a href="' + url + '">' + text + '</a>');
});

hb.registerHelper('bold', (text) => {
  // ruleid: js-handlebars-safestring
  return new SafeString(`<b>${text}</b>`);
});

hb.registerHelper('raw', (html) => {
  // ruleid: js-handlebars-safestring
  return new hb.SafeString(html);
});

Handlebars.registerHelper('safeLink', function (text, url) {
  const t = Handlebars.escapeExpression(text);
  // ok: js-handlebars-safestring
  return new Handlebars.SafeString(`<a href="${Handlebars.escapeExpression(url)}">${Handlebars.escapeExpression(text)}</a>`);
});

// ok: js-handlebars-safestring
Handlebars.registerHelper('hr', () => new Handlebars.SafeString('<hr>'));
// ok: js-handlebars-safestring
const s = new String(text);
