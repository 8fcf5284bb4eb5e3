const ejs = require('ejs');
const pug = require('pug');
const _ = require('lodash');
import Handlebars from 'handlebars';
import { renderString as njRender } from 'nunjucks';

app.get('/hello', (req, res) => {
  // ruleid: js-template-engine-injection
  res.send(ejs.render('<h1>Hello ' + req.query.name + '</h1>'));
  // ruleid: js-template-engine-injection
  const fn = pug.compile(`p Welcome ${req.query.name}`);
  // ruleid: js-template-engine-injection
  const t = _.template('<b>' + req.body.title + '</b>');
  // ruleid: js-template-engine-injection
  const h = Handlebars.compile(`<p>${req.query.msg}</p>`);
  // ruleid: js-template-engine-injection
  res.send(njRender('Hi ' + req.query.name, {}));
  // ok: js-template-engine-injection
  res.send(ejs.render('<h1>Hello <%= name %></h1>', { name: req.query.name }));
  // ok: js-template-engine-injection
  const page = pug.compile(fs.readFileSync(file, 'utf8'));
  // ok: js-template-engine-injection
  const tpl = _.template(TEMPLATE_SOURCE);
  // ok: js-template-engine-injection
  res.render('hello', { name: req.query.name });
  // ok: js-template-engine-injection
  const s = mustacheLike.render('Hi ' + req.query.name);
});
