/**
 * A quick look at the text before the taint walk: a file with no request handler, no
 * browser or framework input and no decorated input parameter cannot produce a taint
 * finding (cross-file flows aside), so library code is not walked at all. The hints come
 * from the models, so a new framework's rows widen them automatically.
 */
import type { TaintModels } from './models';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function sourceHints(models: TaintModels, kinds: ReadonlySet<string>): RegExp {
  const words = new Set<string>();
  const patterns: string[] = [];
  const routeMethods = new Set<string>();
  const exports = new Set<string>();
  for (const h of models.handlers) {
    for (const name of h.paramsNamed?.[0] ?? []) words.add(name);
    for (const name of h.exports ?? []) exports.add(name);
    for (const d of h.decoratorNames ?? []) routeMethods.add(d.slice(d.lastIndexOf('.') + 1));
    for (const r of h.registerNames ?? []) {
      const last = r.slice(r.lastIndexOf('.') + 1);
      // Method names such as `get` are everywhere; a registration is `.get('/path', …`.
      if (h.firstArg || ['use', 'get', 'post', 'put', 'patch', 'delete', 'del', 'all'].includes(last)) routeMethods.add(last);
      else if (!last.includes('*')) words.add(last);
    }
  }
  const methods = [...routeMethods].filter((m) => /^\w+$/.test(m));
  if (methods.length > 0) {
    patterns.push(`\\.(?:${methods.map(escape).join('|')})\\s*\\(\\s*['"\`/]`);
    patterns.push(`@[\\w.]*\\.(?:${methods.map(escape).join('|')})\\s*\\(`);
  }
  if (exports.size > 0) patterns.push(`export\\s+(?:async\\s+)?(?:function|const)\\s+(?:${[...exports].map(escape).join('|')})\\b`);
  for (const s of models.sources) {
    if (!kinds.has(s.kind)) continue;
    for (const n of s.nameList ?? []) words.add(n.split('.')[0]!);
    for (const d of s.decorators ?? []) words.add(d);
  }
  const list = [...words].filter((w) => /^\w+$/.test(w));
  if (list.length > 0) patterns.push(`\\b(?:${list.map(escape).join('|')})\\b`);
  return patterns.length > 0 ? new RegExp(patterns.join('|')) : /$^/;
}
