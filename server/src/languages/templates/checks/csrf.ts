/**
 * POST forms in Django and Jinja2 templates that carry no CSRF token. With Django's
 * CsrfViewMiddleware such a form is refused (403) unless its view is `@csrf_exempt`, and then
 * it is open to cross-site request forgery; a Flask app whose forms carry no token has no
 * CSRF protection (Flask-WTF's `CSRFProtect` would refuse them too).
 */
import type { CheckHit } from '../../documentPack';
import { isDjangoFamily } from '../dialect';
import { attribute, formsOf } from '../forms';
import { hit, optionRegExp, TemplateModel } from '../model';

/** What shows the token is there: Django's tag or field, Flask-WTF's `csrf_token()`/`form.csrf_token`/`hidden_tag()`, any `csrf`-named field. */
const TOKEN = /csrf|hidden_tag\s*\(/i;
/** Content the form pulls from elsewhere, which may carry the token: includes, macro calls with a caller, blocks a child fills. */
const OPAQUE = /\{%-?\s*(?:include|call|block)\b|\{\{-?\s*caller\s*\(/;

export function formWithoutCsrfToken(model: TemplateModel, options: Readonly<Record<string, unknown>>): CheckHit[] {
  if (!isDjangoFamily(model.dialect)) return [];
  const externalActions = optionRegExp(options, 'external-actions');
  const hits: CheckHit[] = [];
  for (const form of formsOf(model)) {
    const method = attribute(form.tag, 'method');
    if (!method || method.trim().toLowerCase() !== 'post') continue;
    // A form posting to another site does not take this site's token.
    const action = attribute(form.tag, 'action') ?? '';
    if (externalActions?.test(action)) continue;
    if (TOKEN.test(form.tag) || TOKEN.test(form.body) || OPAQUE.test(form.body)) continue;
    const fixes =
      model.dialect === 'django'
        ? [{ title: 'Add {% csrf_token %} to the form', edits: [{ range: hit(model, form.tagEnd, form.tagEnd, {}).range, newText: '{% csrf_token %}' }], preferred: true }]
        : [];
    const how = model.dialect === 'django' ? '{% csrf_token %}' : model.dialect === 'jinja' ? '{{ form.csrf_token }}' : '{% csrf_token %} / {{ form.csrf_token }}';
    hits.push(hit(model, form.start, form.tagEnd, { how }, fixes));
  }
  return hits;
}
