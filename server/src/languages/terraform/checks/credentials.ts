/**
 * Credentials written into the configuration: provider arguments (`access_key`, `secret_key`,
 * `client_secret` …) and passwords or secrets given to resources, modules, locals and variable
 * defaults. Only literal strings count: a reference (`var.db_password`, a secrets manager's
 * data source) is the way to do it. Values never reach messages (captures name the setting).
 */
import type { CheckHit } from '../../documentPack';
import type { HclAttribute } from '../../hcl/document';
import type { Value } from '../../hcl/values';
import type { TfModule } from '../module';
import { hit, strings } from './common';

/** A literal, non-empty string written here (not read through a reference). */
function literal(v: Value): string | undefined {
  return v.kind === 'string' && !v.via && v.value.trim() !== '' ? v.value : undefined;
}

/** `provider "aws" { secret_key = "…" }`: `providers: { aws: [access_key, secret_key] }`. */
export function providerCredentials(m: TfModule, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const where = (options.providers ?? {}) as Record<string, unknown>;
  const hits: CheckHit[] = [];
  for (const p of m.blocks) {
    if (p.kind !== 'provider' || !(p.type in where)) continue;
    for (const name of strings(where, p.type)) {
      const a = p.block.body.attributes.find((x) => x.name === name);
      const s = a ? literal(m.value(a)) : undefined;
      // Google's `credentials` is a key file's path or its JSON: only the JSON is a key.
      if (s === undefined || (name === 'credentials' && !s.trim().startsWith('{'))) continue;
      hits.push(hit(m, m.value(a!).span, a!.span, { provider: p.type, attribute: name }));
    }
  }
  return hits;
}

/**
 * Resource, data source and module arguments, locals, and defaults of variables whose name
 * (`names`: a regular expression) says they hold a password or secret.
 */
export function hardcodedSecret(m: TfModule, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const names = new RegExp(String(options.names ?? '^$'), 'i');
  const ignore = new RegExp(String(options.ignoreValues ?? '^$'), 'i');
  const hits: CheckHit[] = [];
  const check = (owner: string, a: HclAttribute, name: string): void => {
    if (!names.test(name)) return;
    const v = m.value(a);
    const s = literal(v);
    if (s === undefined || ignore.test(s)) return;
    hits.push(hit(m, v.span, a.span, { where: owner, attribute: name }));
  };
  const walk = (owner: string, body: { attributes: HclAttribute[]; blocks: { type: string; body: unknown }[] }): void => {
    for (const a of body.attributes) check(owner, a, a.name);
    for (const b of body.blocks) walk(owner, b.body as typeof body);
  };
  for (const b of m.blocks) {
    if (b.kind === 'resource' || b.kind === 'data' || b.kind === 'module') walk(b.address, b.block.body);
    else if (b.kind === 'locals') for (const a of b.block.body.attributes) check('locals', a, a.name);
    else if (b.kind === 'variable') {
      const d = b.block.body.attributes.find((x) => x.name === 'default');
      if (d) check(`var.${b.name}`, d, b.name);
    }
  }
  return hits;
}
