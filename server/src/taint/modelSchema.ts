/**
 * The schema of `rules/<pack>/_models/*.yaml`: every key compileModels (modelLoader.ts) reads, at
 * the level it reads it. A key the loader does not read is an error here, so a misspelled or
 * misplaced key (`reciever-role`, `content-types` inside a sink row) is reported with its
 * file and line instead of being ignored. Any top-level key may be in any model file (the
 * files of a folder are read as one); the shipped packs split them as sources, sinks,
 * sanitizers and propagators. Keep this in step with compileModels: a key added there is
 * added here, or the models that use it fail to load.
 */
import type { Field, RecordShape, Shape } from '../engine/dataSchema';

const str: Shape = { is: 'string' };
const int: Shape = { is: 'integer' };
const bool: Shape = { is: 'boolean' };
const strings: Shape = { is: 'one-or-list', of: str };
const ints: Shape = { is: 'one-or-list', of: int };
/** Import-resolved dotted names; `*` is one segment, `**` any number (engine/names.ts). */
const names: Shape = { is: 'one-or-list', of: { is: 'string', pattern: /\S/, hint: 'a dotted name' } };
/** A regex (users' are checked for catastrophic backtracking when they compile). */
const regex: Shape = { is: 'string', hint: 'a regular expression' };
/** A taint kind (`sql`, `nosql-js`, `trust-boundary`): what rules select and sanitizers name. */
const kind: Shape = { is: 'string', pattern: /^[a-z][a-z0-9-]*$/, hint: 'a kind in lower case (`sql`, `nosql-js`)' };
const kinds: Shape = { is: 'one-or-list', of: { is: 'either', options: [kind, { is: 'constant', values: ['*'] }], what: 'a kind or "*"' } };
/** A role a value gets (from a handler's parameters, a type, an instance): `request`, `servlet-writer`. */
const role: Shape = { is: 'string', pattern: /^[a-z][a-z0-9-]*$/, hint: 'a role in lower case (`request`, `sql-db`)' };
const optional = (shape: Shape): Field => ({ shape });
const required = (shape: Shape): Field => ({ shape, required: true });

/**
 * A condition on an argument or option (a sink's `when`): the rules' value test, the same
 * keys as `definitions.value` in rules/rule.schema.json (a test keeps the two in step), read
 * by compileValueTest (engine/ruleCompiler.ts).
 */
export const VALUE_TEST: RecordShape = {
  is: 'record',
  what: 'a value test',
  fields: {
    constant: optional(bool),
    is: optional({ is: 'scalar' }),
    matches: optional(regex),
    below: optional({ is: 'number' }),
    'made-by': optional(names),
    text: optional(regex),
    resolves: optional(names),
    type: optional(strings),
    sanitized: optional(kind),
    absent: optional({ is: 'constant', values: [true] }),
    present: optional({ is: 'constant', values: [true] }),
  },
};
VALUE_TEST.fields.not = optional(VALUE_TEST);
VALUE_TEST.fields.any = optional({ is: 'list', of: VALUE_TEST });
VALUE_TEST.fields.all = optional({ is: 'list', of: VALUE_TEST });
/** Conditions on a call's arguments (a number) or options (a name), each a value test: a sink's or sanitizer's `when`. */
const WHEN: Shape = { is: 'map', keys: /^(\d+|[A-Za-z_$][\w$-]*)$/, keysHint: 'an argument position or an option name', values: VALUE_TEST };

/** handlers: how to recognise a function that receives input, and the roles of its parameters (HandlerModel). */
const HANDLER: RecordShape = {
  is: 'record',
  what: 'a handlers row',
  fields: {
    register: optional(names),
    'first-arg': { shape: regex, with: 'register' },
    'params-named': optional({ is: 'list', of: { is: 'list', of: str } }),
    // Position by position, the import-resolved types a parameter may have (globs): gRPC's `(ctx context.Context, req *pb.XRequest)`.
    'params-typed': optional({ is: 'list', of: names }),
    decorators: optional(names),
    exports: optional(strings),
    path: optional(regex),
    'class-extends': optional(names),
    methods: { shape: strings, with: 'class-extends' },
    'object-keys': optional(strings),
    'self-role': optional(role),
    // '' (or any name) for a parameter without a role: GraphQL's `(parent, args, context)`.
    params: required(strings),
    'clean-types': optional(strings),
    returns: optional(kind),
    module: optional(str),
    'not-called-in-file': optional(bool),
  },
  // A row with none of these matches no function (units.ts handlerModelFor skips it).
  needsOne: [['register', 'params-named', 'params-typed', 'decorators', 'exports', 'class-extends', 'object-keys']],
};

const TYPED_PARAM: RecordShape = { is: 'record', what: 'a typed-params row', fields: { type: required(names), role: required(role) } };

const INSTANCE: RecordShape = { is: 'record', what: 'an instances row', fields: { role: required(role), new: optional(names), call: optional(names) }, needsOne: [['new', 'call']] };

/** sources (SourceModel): global names, members and methods of a role value, decorated parameters. */
const SOURCE: RecordShape = {
  is: 'record',
  what: 'a sources row',
  fields: {
    kind: optional(kind),
    names: optional(names),
    role: optional(role),
    members: { shape: strings, with: 'role' },
    calls: { shape: strings, with: 'role' },
    decorators: optional(strings),
    'clean-types': optional(strings),
    'clean-for': optional({ is: 'one-or-list', of: kind }),
    // Under `members` (paths the server writes) or `names` (`os.Args` without `0`, the program's path).
    'not-members': optional(strings),
    // Members of the objects under `members` that the server fills in (an upload's temporary `path`).
    'server-members': { shape: strings, with: 'members' },
    'survives-conversions': optional(bool),
    into: { shape: int, with: 'calls' },
  },
  needsOne: [['names', 'members', 'calls', 'decorators']],
};

/** sinks (SinkModel). */
const SINK: RecordShape = {
  is: 'record',
  what: 'a sinks row',
  fields: {
    kind: required(kind),
    call: optional(names),
    new: optional(names),
    assign: optional(names),
    args: optional({ is: 'either', options: [{ is: 'constant', values: ['any'] }, ints], what: 'an argument position, a list of them, or "any"' }),
    receiver: optional(bool),
    keywords: optional(strings),
    'receiver-role': optional(role),
    when: optional(WHEN),
    label: optional(str),
    'arg-not': optional(strings),
    'arg-is': optional(strings),
    'respects-content-type': optional(bool),
    'typed-after': optional(bool),
    'leading-markup': optional(bool),
    'needs-document-type': optional(bool),
    'shell-argv': optional(bool),
    'dict-key': optional(str),
    'pure-members': optional(strings),
    'inspects-objects': optional(bool),
    'writer-arg': optional(int),
  },
  needsOne: [['call', 'new', 'assign']],
};

/** content-types (ContentTypeModel): calls and assignments that set a response's type. */
const CONTENT_TYPE: RecordShape = {
  is: 'record',
  what: 'a content-types row',
  fields: {
    call: optional(names),
    assign: optional(names),
    'receiver-role': optional(role),
    'type-arg': optional(int),
    'name-arg': optional(int),
    'headers-args': optional(ints),
  },
  needsOne: [['call', 'assign'], ['type-arg', 'name-arg', 'headers-args', 'assign']],
};

const SANITIZER: RecordShape = {
  is: 'record',
  what: 'a sanitizers row',
  fields: { call: required(names), kinds: optional(kinds), method: optional(bool), module: optional(str), revives: optional(bool), when: optional(WHEN) },
};

const GUARD: RecordShape = {
  is: 'record',
  what: 'a guards row',
  fields: {
    call: required(names),
    checks: optional({ is: 'either', options: [int, { is: 'constant', values: ['receiver', 'receiver-arg', 'either'] }], what: 'an argument position, "receiver", "receiver-arg" or "either"' }),
    keyword: optional(str),
    kinds: optional(kinds),
    'anchored-regex': optional(bool),
    types: optional(strings),
  },
};

/** comparisons (ComparisonModel): equality comparisons where request data meets a secret (comparisons.ts). */
const COMPARISON: RecordShape = {
  is: 'record',
  what: 'a comparisons row',
  fields: {
    kind: required(kind),
    operators: required(strings),
    'secret-kinds': optional({ is: 'one-or-list', of: kind }),
    'request-kinds': optional({ is: 'one-or-list', of: kind }),
    'secret-names': required(regex),
    'not-secret-names': optional(regex),
    'count-members': optional(strings),
    'empty-names': optional(strings),
  },
};

const STORING: RecordShape = { is: 'record', what: 'a storing row', fields: { method: required(str), from: optional(int), keyed: optional(bool) } };

/** results-from (ResultFromModel): calls whose result carries only some arguments' taint. */
const RESULT_FROM: RecordShape = { is: 'record', what: 'a results-from row', fields: { call: required(names), args: required(ints) } };

const ERROR_CALLBACK: RecordShape = { is: 'record', what: 'an error-callbacks row', fields: { method: required(strings), arg: required(int) } };

const LIST_POSITION: RecordShape = {
  is: 'record',
  what: 'a list-positions row',
  fields: {
    method: required(strings),
    op: required({ is: 'constant', values: ['append', 'prepend', 'insert', 'remove-first', 'pop', 'remove-at'] }),
  },
};

/** fills (FillModel): calls that write their input into an argument given as a pointer. */
const FILL: RecordShape = {
  is: 'record',
  what: 'a fills row',
  fields: {
    call: optional(names),
    method: optional(strings),
    from: required({ is: 'either', options: [int, { is: 'constant', values: ['receiver'] }], what: 'an argument position or "receiver"' }),
    into: required(int),
  },
  needsOne: [['call', 'method']],
};

const rows = (shape: RecordShape): Field => optional({ is: 'list', of: shape });

/** A whole model file. */
export const MODEL_FILE: RecordShape = {
  is: 'record',
  what: 'a model file (top level)',
  fields: {
    handlers: rows(HANDLER),
    'typed-params': rows(TYPED_PARAM),
    instances: rows(INSTANCE),
    sources: rows(SOURCE),
    sinks: rows(SINK),
    'content-types': rows(CONTENT_TYPE),
    sanitizers: rows(SANITIZER),
    guards: rows(GUARD),
    comparisons: rows(COMPARISON),
    clean: optional(names),
    storing: rows(STORING),
    'list-positions': rows(LIST_POSITION),
    fills: rows(FILL),
    'same-value': optional(names),
    reorders: optional(strings),
    positions: optional(strings),
    lookups: optional(strings),
    maps: optional(strings),
    'error-callbacks': rows(ERROR_CALLBACK),
    'results-from': rows(RESULT_FROM),
    'built-strings-clean': optional(strings),
    exits: optional(names),
  },
};
