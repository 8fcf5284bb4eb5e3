/**
 * A small schema language for YAML data files that are not rules (the taint models), and its
 * checker. The rules have a JSON Schema compiled by ajv at build time; the models are
 * checked with this instead because their messages must say what a row is ("a sinks row
 * needs `kind`") and suggest the key that was meant, and because a checker of ~150 lines
 * costs no start-up time.
 */

/** The shape of a value. */
export type Shape =
  | { is: 'string'; pattern?: RegExp; hint?: string }
  | { is: 'integer' }
  | { is: 'number' }
  | { is: 'boolean' }
  | { is: 'scalar' }
  /** One of these constants. */
  | { is: 'constant'; values: readonly (string | number | boolean)[] }
  | { is: 'list'; of: Shape }
  /** A single value or a list of them (the loaders read both: `kinds: html` is `kinds: [html]`). */
  | { is: 'one-or-list'; of: Shape }
  | RecordShape
  /** Any keys (matching `keys` if given), each value of one shape. */
  | { is: 'map'; keys?: RegExp; keysHint?: string; values: Shape }
  /** The first option that accepts the value; `what` names them all in messages. */
  | { is: 'either'; options: Shape[]; what: string };

export interface RecordShape {
  is: 'record';
  /** What a value of this shape is called in messages (`a sinks row`). */
  what: string;
  fields: Record<string, Field>;
  /** Each inner list: at least one of these keys must be present. */
  needsOne?: string[][];
}

export interface Field {
  shape: Shape;
  required?: boolean;
  /** The key means something only beside this one (`first-arg` with `register`). */
  with?: string;
}

export interface SchemaProblem {
  /** Where in the data (keys and list indexes), for the line of the message. */
  path: (string | number)[];
  message: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (isRecord(v)) return 'a mapping';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  return `${typeof v} ${String(v)}`;
}

/** What a value of the shape is, for "must be …" messages. */
export function describeShape(shape: Shape): string {
  switch (shape.is) {
    case 'string':
      return shape.hint ?? 'a string';
    case 'integer':
      return 'an integer';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'scalar':
      return 'a string, number, boolean or null';
    case 'constant':
      return `one of ${shape.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'list':
      return `a list of ${plural(describeShape(shape.of))}`;
    case 'one-or-list':
      return `${describeShape(shape.of)} or a list of them`;
    case 'record':
      return `a mapping (${shape.what})`;
    case 'map':
      return 'a mapping';
    case 'either':
      return shape.what;
  }
}

function plural(description: string): string {
  return description.replace(/^an? /, '').replace(/^(string|integer|mapping)/, '$1s');
}

/** Levenshtein distance, for "did you mean" on a misspelled key. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Every record shape reachable from `shape`, for "this key belongs to …" hints. */
function recordsIn(shape: Shape, out = new Set<RecordShape>()): Set<RecordShape> {
  if (shape.is === 'record') {
    if (out.has(shape)) return out;
    out.add(shape);
    for (const f of Object.values(shape.fields)) recordsIn(f.shape, out);
  } else if (shape.is === 'list' || shape.is === 'one-or-list') recordsIn(shape.of, out);
  else if (shape.is === 'map') recordsIn(shape.values, out);
  else if (shape.is === 'either') for (const o of shape.options) recordsIn(o, out);
  return out;
}

function unknownKey(key: string, record: RecordShape, all: Set<RecordShape>): string {
  const known = Object.keys(record.fields);
  const near = known.filter((k) => distance(k.toLowerCase(), key.toLowerCase()) <= Math.max(1, Math.floor(k.length / 4)));
  if (near.length > 0) return `unknown key "${key}" in ${record.what}; did you mean "${near[0]}"?`;
  const elsewhere = [...all].filter((r) => r !== record && key in r.fields).map((r) => r.what);
  if (elsewhere.length > 0) return `"${key}" is not a key of ${record.what}: it belongs in ${elsewhere[0]}`;
  return `unknown key "${key}" in ${record.what} (known keys: ${known.join(', ')})`;
}

/** `sinks[3].when.shell` */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** True when `value` has the shape, without collecting messages (for `either`). */
function fits(value: unknown, shape: Shape, all: Set<RecordShape>): boolean {
  return check(value, shape, [], all).length === 0;
}

function check(value: unknown, shape: Shape, path: (string | number)[], all: Set<RecordShape>): SchemaProblem[] {
  const wrong = (): SchemaProblem[] => [{ path, message: `${path.length > 0 ? `"${pathText(path)}"` : 'the file'} must be ${describeShape(shape)}, not ${describeValue(value)}` }];
  switch (shape.is) {
    case 'string':
      if (typeof value !== 'string') return wrong();
      return shape.pattern && !shape.pattern.test(value) ? wrong() : [];
    case 'integer':
      return Number.isInteger(value) ? [] : wrong();
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? [] : wrong();
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrong();
    case 'scalar':
      return value === null || ['string', 'number', 'boolean'].includes(typeof value) ? [] : wrong();
    case 'constant':
      return shape.values.includes(value as string) ? [] : wrong();
    case 'list':
      if (!Array.isArray(value)) return wrong();
      return value.flatMap((v, i) => check(v, shape.of, [...path, i], all));
    case 'one-or-list':
      if (!Array.isArray(value)) return fits(value, shape.of, all) ? [] : wrong();
      return value.flatMap((v, i) => check(v, shape.of, [...path, i], all));
    case 'map':
      if (!isRecord(value)) return wrong();
      return Object.entries(value).flatMap(([k, v]) =>
        shape.keys && !shape.keys.test(k)
          ? [{ path: [...path, k], message: `"${k}" is not ${shape.keysHint ?? 'a valid key'} in "${pathText(path)}"` }]
          : check(v, shape.values, [...path, k], all),
      );
    case 'either': {
      const option = shape.options.find((o) => fits(value, o, all));
      if (option) return [];
      // A mapping given where one option is a record: that record's messages say more.
      const record = shape.options.find((o) => o.is === 'record');
      return record && isRecord(value) ? check(value, record, path, all) : wrong();
    }
    case 'record': {
      if (!isRecord(value)) return wrong();
      const problems: SchemaProblem[] = [];
      for (const [key, v] of Object.entries(value)) {
        const field = shape.fields[key];
        if (!field) problems.push({ path: [...path, key], message: unknownKey(key, shape, all) });
        else if (field.with && !(field.with in value)) problems.push({ path: [...path, key], message: `"${key}" means something only beside "${field.with}" in ${shape.what}` });
        else problems.push(...check(v, field.shape, [...path, key], all));
      }
      for (const [key, field] of Object.entries(shape.fields)) if (field.required && !(key in value)) problems.push({ path, message: `${shape.what} needs "${key}"` });
      for (const group of shape.needsOne ?? []) {
        if (!group.some((k) => k in value)) problems.push({ path, message: `${shape.what} needs one of ${group.map((k) => `"${k}"`).join(', ')}` });
      }
      return problems;
    }
  }
}

/** The problems of `data` against `shape`, each with the path it is at. */
export function checkData(data: unknown, shape: Shape): SchemaProblem[] {
  return check(data, shape, [], recordsIn(shape));
}
