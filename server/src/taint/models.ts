/**
 * Sources, sinks, sanitizers, guards and handler shapes, read from
 * `rules/<language>/_models/*.yaml`. Adding a library is adding rows there.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readSmallFile } from '../engine/smallFiles';
import { join } from 'node:path';
import { preParsed } from '../engine/parsedYaml';
import { compileNames } from '../engine/names';
import { compileValueTest } from '../engine/ruleCompiler';
import type { NameMatcher, RuleLoadError, ValueTest } from '../engine/rule';
import { RegexTrust, RuleRegexes, TRUSTED } from '../engine/ruleRegex';
import { isBuiltinRuleFile } from '../engine/builtinRules';
import { parseYamlWithLines, YamlSyntaxError, type YamlWithLines } from '../engine/yamlLines';
import { checkData, type SchemaProblem } from '../engine/dataSchema';
import { MODEL_FILE } from './modelSchema';
import { Family, PACKS } from '../languages/registry';
import { NameIndex } from './nameIndex';

/** How to recognise a function that receives untrusted input, and what its parameters are. */
export interface HandlerModel {
  /** The function is passed to a call of one of these (`app.get`, `router.post`, `**.addEventListener`). */
  register?: NameMatcher;
  registerNames?: string[];
  /** With `register`: the call's first argument must be a constant string matching this. */
  firstArg?: RegExp;
  /** The function's parameters are named like this, position by position (alternatives). */
  paramsNamed?: string[][];
  /** The function has exactly these parameters, each of an import-resolved type one of a position's names match. */
  paramsTyped?: NameMatcher[];
  /** Each position's names, for the text hints. */
  paramsTypedNames?: string[][];
  /** The function is decorated with one of these (FastAPI/Flask routes). */
  decorators?: NameMatcher;
  decoratorNames?: string[];
  /** The function is exported under one of these names (Next.js route handlers). */
  exports?: Set<string>;
  /** Limits the model to files whose path matches. */
  path?: RegExp;
  /**
   * The function is a method of a class that extends one of these (directly, or through a class
   * of the same file): Tornado's `class Main(tornado.web.RequestHandler)`.
   */
  classExtends?: NameMatcher;
  classExtendsNames?: string[];
  /** The function is a member of an object stored under one of these keys (GraphQL resolver maps: `Query: { user: (_, args) => … }`). */
  objectKeys?: Set<string>;
  /** With `classExtends`: only methods with these names (`get`, `post`, …; `resolve_*` is a prefix). */
  methods?: Set<string>;
  /** The role of `self` in the method (`self.get_argument(…)` is input, `self.write(…)` a response). */
  selfRole?: string;
  /** Role of each parameter (after `self`/`cls`); `remote` taints the parameter itself. */
  params: string[];
  /** Parameters annotated with these types stay clean (`int`, `UUID`, `Depends`). */
  cleanTypes?: Set<string>;
  /** A string the handler returns is sent as this sink kind (Flask views return HTML). */
  returns?: string;
  /** The model applies only when the file imports this module. */
  module?: string;
  /**
   * The function is not a handler when the file itself calls it (by name, or as `self.f()` in
   * its class): a helper such as `render_flatpage(request, f)` gets its values from its callers.
   */
  notCalledInFile?: boolean;
}

export interface SourceModel {
  kind: string;
  /** Qualified names that are sources wherever they appear (`location.search`, `flask.request.args`). */
  names?: NameMatcher;
  nameList?: string[];
  /** Members of a value with a role (`req.query`). */
  role?: string;
  members?: Set<string>;
  /** Paths under those members that the server itself writes (`META.CSRF_COOKIE`): not input. */
  notMembers?: Set<string>;
  /** Members of the objects these members hold that the server fills in (an upload's temporary `path`): read from the value anywhere, not input. */
  serverMembers?: Set<string>;
  /** Methods of a role value whose result is a source (`req.get('x')`). */
  calls?: Set<string>;
  /** The `calls` write the input into this argument (a pointer) instead of returning it (gin's `c.ShouldBindJSON(&req)`). */
  into?: number;
  /** Decorated parameters (`@Query() q`). */
  decorators?: Set<string>;
  /** Decorated parameters of these types carry no payload (`@PathVariable long id`). */
  cleanTypes?: Set<string>;
  /** Sink kinds the value is already safe for (Django's `request.get_full_path()` is a path on this site: not an open redirect). */
  cleanFor?: string[];
  /**
   * Numbers, hashes and checks made from the value carry it on (a predictable value stays
   * predictable): sanitizers for every kind and `clean` calls do not end it.
   */
  survives?: boolean;
}

export interface SinkModel {
  kind: string;
  call?: NameMatcher;
  newName?: NameMatcher;
  assign?: NameMatcher;
  /** The value the method is called on is used by the sink too (`url.openStream()`). */
  receiver?: boolean;
  /** Argument positions that must not be tainted; `any` means every argument. */
  args: number[] | 'any';
  /** Keyword arguments that are sinks (Python `requests.get(url=…)`). */
  keywords: string[];
  /** The receiver must be a value with this role (`res` for `res.send`). */
  receiverRole?: string;
  /** Extra conditions on keyword/option arguments (`shell: true`). */
  when: Map<string, ValueTest>;
  /** Text shown in messages instead of the callee (`an HTML response`). */
  label?: string;
  /**
   * Named by its method alone (`**.query`), on no role: any object's method of that name. A call
   * Ward can see into (a project function with a summary) is judged by its summary instead.
   */
  anyReceiver?: boolean;
  /** Argument node types that are not this sink (`res.send({…})` sends JSON). */
  argNot?: Set<string>;
  /** Only when the argument is one of these node types (`object`: a literal filter such as `{ _id: id }`). */
  argIs?: Set<string>;
  /** Not a sink once the receiver was given a constant non-HTML content type (contentType.ts). */
  respectsContentType?: boolean;
  /** Not a sink when the response it makes is given a constant non-HTML type (contentType.ts typedAsNonDocument). */
  typedAfter?: boolean;
  /**
   * Koa: a string body is sent as HTML only when it starts with `<` (or when the handler set a
   * document type), so a value that cannot start with `<` (`'Hello ' + name`) is not a sink.
   */
  leadingMarkup?: boolean;
  /**
   * The call runs a program with an argument list; when the program is a shell given `-c`
   * (`spawn('sh', ['-c', cmd])`, `subprocess.run(['bash', '-c', cmd])`) the string after `-c`
   * is a shell command: that element is the sink, not the whole list. The argv starts at the
   * row's first `args` position (0 unless given: Go's `exec.CommandContext(ctx, "sh", "-c", cmd)` is 1).
   */
  shellArgv?: boolean;
  /** The sink is the value under this key of a dictionary/object argument, at any depth (`{'$where': js}`). */
  dictKey?: string;
  /**
   * Members of the call's result that do nothing with what it names: `Path(x).is_absolute()`
   * builds a path and only inspects it, so the call is not a sink when used that way.
   */
  pureMembers?: Set<string>;
  /** Only after the response was given a constant HTML/XML/SVG type (Fastify's `reply.send` is text/plain otherwise). */
  needsDocumentType?: boolean;
  /**
   * The call writes through its argument at this position instead of a receiver (a writer
   * passed to a formatting function: `fmt.Fprintf(w, …)`, `io.WriteString(w, s)`):
   * `receiver-role` and the content type are read from that argument, and it is not one of
   * the sink's values (`args: any` leaves it out).
   */
  writerArg?: number;
  /**
   * The sink prints objects through an inspector that escapes control characters
   * (`console.log(obj)`, `logging.info(dict)`): a whole request collection passed as is
   * (`req.query`, `request.args`) cannot forge a log line; a value taken out of it can.
   */
  inspectsObjects?: boolean;
}

/**
 * A call or assignment that sets a response's content type: `res.type(T)`, `res.set('Content-Type', T)`,
 * `res.writeHead(200, { 'Content-Type': T })`, Koa's `ctx.type = T`.
 */
export interface ContentTypeModel {
  call?: NameMatcher;
  /** Assignments whose value is the type (`ctx.type = 'json'`). */
  assign?: NameMatcher;
  receiverRole?: string;
  /** The argument is the type itself. */
  typeArg?: number;
  /** The argument is a header name; the type is the next one when the name is Content-Type. */
  nameArg?: number;
  /** Arguments that may be an object literal of headers. */
  headersArgs: number[];
}

export interface SanitizerModel {
  call: NameMatcher;
  /** Sink kinds the result is safe for; `*` for all. */
  kinds: string[];
  /** Method sanitizers: the receiver is the value, not an argument (`x.isdigit()`). */
  method?: boolean;
  /** Only in files that import this module (`template.render(ctx)` escapes in a Django project). */
  module?: string;
  /**
   * The opposite of a sanitizer: the result may again be unsafe for these kinds
   * (`json.loads(s)` turns a query-string value, only ever a string, into objects and operators).
   */
  revives?: boolean;
}

export interface GuardModel {
  call: NameMatcher;
  /**
   * Which value the check validates: an argument index, the receiver, the first argument of
   * the call the method is called on (`PATTERN.matcher(x).matches()`: `receiver-arg`), or
   * whichever of the receiver and the first argument is not a constant (`"asc".equals(x)`,
   * `x.equals("asc")`: `either`).
   */
  checks: number | 'receiver' | 'receiver-arg' | 'either';
  /** The same argument passed by keyword (Python `url_has_allowed_host_and_scheme(url=x, …)`). */
  keyword?: string;
  kinds: string[];
  /** The receiver must be a regex literal anchored at both ends (`/^\d+$/.test(x)`). */
  anchoredRegex?: boolean;
  /**
   * Type checks (`isinstance(x, int)`): every type named in the second argument must match,
   * so a check for `str` (or any type the model does not list) proves nothing.
   */
  types?: RegExp;
}

/**
 * What a list method does to positions: `append` (at the end; with two arguments, at the
 * position given first), `prepend`, `insert` (position, value), `remove-first`, `pop` (the last,
 * or the position given), `remove-at` (the position given; anything else, a value, blurs).
 */
export type ListOp = 'append' | 'prepend' | 'insert' | 'remove-first' | 'pop' | 'remove-at';

/**
 * A call that writes what it reads into an argument it is given a pointer to:
 * `json.Unmarshal(body, &v)` (argument 0 into argument 1), `dec.Decode(&v)` (the receiver into
 * argument 0). By import-resolved name (`call`) or by method name (`method`).
 */
export interface FillModel {
  call?: NameMatcher;
  method?: Set<string>;
  from: number | 'receiver';
  into: number;
}

/**
 * Equality comparisons that are sinks of `kind` (comparisons.ts): request data compared with a
 * secret the server holds leaks the secret through the comparison's timing.
 */
export interface ComparisonModel {
  kind: string;
  /** The equality operators, as written (`===`, `==`, `!=`). */
  operators: Set<string>;
  /** Source kinds whose values are secrets (a MAC's result). */
  secretKinds: Set<string>;
  /** Source kinds of request data. */
  requestKinds: Set<string>;
  /** A value whose name, in lower-case words joined by `_` (`expected_signature`), matches is a secret. */
  secretNames: RegExp;
  notSecretNames?: RegExp;
  /** Members that are a count of the value, not the value (`length`). */
  countMembers: Set<string>;
  /** Names of empty values (`null`, `undefined`, `None`): comparing with them tests presence. */
  emptyNames: Set<string>;
}

/** Values created by these calls get a role, so their methods can be sinks (`db.all(sql)`). */
export interface InstanceModel {
  role: string;
  newName?: NameMatcher;
  call?: NameMatcher;
  /** The names as written, for the text hint that picks files (sourceHints.ts). */
  names: string[];
}

export interface TaintModels {
  handlers: HandlerModel[];
  /** Parameters annotated with these import-resolved types get the role, in any function (`res: express.Response`). */
  typedParams: { type: string; role: string }[];
  instances: InstanceModel[];
  sources: SourceModel[];
  sinks: SinkModel[];
  sanitizers: SanitizerModel[];
  guards: GuardModel[];
  comparisons: ComparisonModel[];
  /** Calls whose result never carries taint (`x.length`, `arr.indexOf`) */
  clean: NameMatcher;
  /** Methods that store their arguments in the receiver, from this argument on (`values.append(x)`). */
  storing: Map<string, number>;
  /** Storing methods whose first argument is a key (`map.put(k, v)`): under a constant key the value is kept apart. */
  keyed: Set<string>;
  /** Methods that add or remove a list's elements at a place (`push`, `insert`, `pop`): positions are followed. */
  listOps: Map<string, ListOp>;
  /** Methods and functions that reorder a list or change it in ways not followed (`sort`, `splice`): positions blur. */
  reorders: Set<string>;
  /** Methods whose arguments are positions or counts: the result is part of the receiver (`s.slice(1, 3)`). */
  positions: Set<string>;
  /** Calls whose result is their argument written another way (`filepath.Clean(p)`): a check on it is a check on the argument. */
  sameValue: NameMatcher;
  /** Calls that write their input into an argument (`json.Unmarshal(body, &v)`). */
  fills: FillModel[];
  /** Methods that look a key up in a table (`map.get(k, default)`): the result is a value of the table or the default, not the key. */
  lookups: Set<string>;
  /** Methods whose result holds what their callback returns for each element (`map`). */
  maps: Set<string>;
  /** Sink kinds a string built from the value cannot reach (`'post:' + id` is no Mongo filter object). */
  builtStringsClean: string[];
  /** Calls after which a branch does not go on (`abort(403)`, `process.exit()`). */
  exits: NameMatcher;
  /** The same rows indexed by name, for the per-call lookups of the walk. */
  callSinks: NameIndex<SinkModel>;
  newSinks: NameIndex<SinkModel>;
  assignSinks: NameIndex<SinkModel>;
  sanitizerIndex: NameIndex<SanitizerModel>;
  nameSources: NameIndex<SourceModel>;
  contentTypeIndex: NameIndex<ContentTypeModel>;
  contentTypeAssignIndex: NameIndex<ContentTypeModel>;
}

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.filter((x) => x !== null && x !== undefined).map(String) : [String(v)]);
/** The rows under `key` with their index in the file; rows left out for a schema problem are null (loadTaintModels). */
const rows = (doc: Raw, key: string): [number, Raw][] => (Array.isArray(doc[key]) ? (doc[key] as unknown[]).flatMap((r, i) => (r && typeof r === 'object' ? [[i, r as Raw] as [number, Raw]] : [])) : []);

/**
 * `regexes[i]` compiles the regexes of `docs[i]` (built-in models are trusted, users' are
 * checked); a row whose regex it refuses is left out, and the refusal is in its problems.
 */
export function compileModels(docs: Raw[], regexes: RuleRegexes[] = []): TaintModels {
  const m: TaintModels = {
    handlers: [], typedParams: [], instances: [], sources: [], sinks: [], sanitizers: [], guards: [], comparisons: [], clean: () => false,
    storing: new Map(), keyed: new Set(), listOps: new Map(), reorders: new Set(), positions: new Set(), lookups: new Set(), maps: new Set(), builtStringsClean: [], fills: [], sameValue: () => false, exits: () => false,
    callSinks: new NameIndex(), newSinks: new NameIndex(), assignSinks: new NameIndex(), sanitizerIndex: new NameIndex(), nameSources: new NameIndex(),
    contentTypeIndex: new NameIndex(),
    contentTypeAssignIndex: new NameIndex(),
  };
  const cleanNames: string[] = [];
  const exitNames: string[] = [];
  const sameValueNames: string[] = [];
  for (const [d, doc] of docs.entries()) {
    const rx = regexes[d] ?? TRUSTED;
    for (const [hi, h] of rows(doc, 'handlers')) {
      const refused = rx.problems.length;
      const handler: HandlerModel = {
        register: compileNames(h.register),
        registerNames: h.register ? list(h.register) : undefined,
        firstArg: h['first-arg'] ? rx.compile(h['first-arg'], ['handlers', hi, 'first-arg']) : undefined,
        paramsNamed: h['params-named'],
        paramsTyped: h['params-typed']?.map((n: string | string[]) => compileNames(n)!),
        paramsTypedNames: h['params-typed']?.map((n: string | string[]) => list(n)),
        decorators: compileNames(h.decorators),
        decoratorNames: h.decorators ? list(h.decorators) : undefined,
        exports: h.exports ? new Set(list(h.exports)) : undefined,
        path: h.path ? rx.compile(h.path, ['handlers', hi, 'path']) : undefined,
        classExtends: compileNames(h['class-extends']),
        classExtendsNames: h['class-extends'] ? list(h['class-extends']) : undefined,
        methods: h.methods ? new Set(list(h.methods)) : undefined,
        objectKeys: h['object-keys'] ? new Set(list(h['object-keys'])) : undefined,
        selfRole: h['self-role'],
        params: list(h.params),
        cleanTypes: h['clean-types'] ? new Set(list(h['clean-types'])) : undefined,
        returns: h.returns,
        module: h.module,
        notCalledInFile: !!h['not-called-in-file'],
      };
      if (rx.problems.length === refused) m.handlers.push(handler);
    }
    for (const [, t] of rows(doc, 'typed-params')) for (const type of list(t.type)) m.typedParams.push({ type, role: t.role });
    for (const [, i] of rows(doc, 'instances')) m.instances.push({ role: i.role, newName: compileNames(i.new), call: compileNames(i.call), names: [...list(i.new), ...list(i.call)] });
    for (const [, s] of rows(doc, 'sources')) {
      if (s.names) m.nameSources.add({ kind: s.kind ?? 'remote', names: compileNames(s.names), cleanFor: s['clean-for'] ? list(s['clean-for']) : undefined, survives: !!s['survives-conversions'], notMembers: s['not-members'] ? new Set(list(s['not-members'])) : undefined }, list(s.names));
      m.sources.push({
        kind: s.kind ?? 'remote',
        names: compileNames(s.names),
        nameList: s.names ? list(s.names) : undefined,
        role: s.role,
        members: s.members ? new Set(list(s.members)) : undefined,
        calls: s.calls ? new Set(list(s.calls)) : undefined,
        notMembers: s['not-members'] ? new Set(list(s['not-members'])) : undefined,
        serverMembers: s['server-members'] ? new Set(list(s['server-members'])) : undefined,
        decorators: s.decorators ? new Set(list(s.decorators)) : undefined,
        cleanTypes: s['clean-types'] ? new Set(list(s['clean-types'])) : undefined,
        cleanFor: s['clean-for'] ? list(s['clean-for']) : undefined,
        survives: !!s['survives-conversions'],
        into: s.into === undefined ? undefined : Number(s.into),
      });
    }
    for (const [si, s] of rows(doc, 'sinks')) {
      const refused = rx.problems.length;
      const when = new Map<string, ValueTest>();
      for (const [k, v] of Object.entries(s.when ?? {})) when.set(k, compileValueTest(v as Raw, rx, ['sinks', si, 'when', k]));
      if (rx.problems.length > refused) continue;
      const sink: SinkModel = {
        kind: s.kind,
        call: compileNames(s.call),
        newName: compileNames(s.new),
        assign: compileNames(s.assign),
        args: s.args === 'any' ? 'any' : s.args === undefined ? (s.receiver ? [] : [0]) : list(s.args).map(Number),
        receiver: !!s.receiver,
        keywords: list(s.keywords),
        receiverRole: s['receiver-role'],
        when,
        label: s.label,
        argNot: s['arg-not'] ? new Set(list(s['arg-not'])) : undefined,
        argIs: s['arg-is'] ? new Set(list(s['arg-is'])) : undefined,
        respectsContentType: !!s['respects-content-type'],
        typedAfter: !!s['typed-after'],
        leadingMarkup: !!s['leading-markup'],
        needsDocumentType: !!s['needs-document-type'],
        shellArgv: !!s['shell-argv'],
        dictKey: s['dict-key'],
        pureMembers: s['pure-members'] ? new Set(list(s['pure-members'])) : undefined,
        inspectsObjects: !!s['inspects-objects'],
        writerArg: typeof s['writer-arg'] === 'number' ? s['writer-arg'] : undefined,
        anyReceiver: !!s.call && !s['receiver-role'] && list(s.call).every((n) => /^\*\*\.[^.]+$/.test(n)),
      };
      m.sinks.push(sink);
      m.callSinks.add(sink, s.call ? list(s.call) : undefined);
      m.newSinks.add(sink, s.new ? list(s.new) : undefined);
      m.assignSinks.add(sink, s.assign ? list(s.assign) : undefined);
    }
    for (const [, c] of rows(doc, 'content-types')) {
      const row: ContentTypeModel = {
        call: compileNames(c.call),
        assign: compileNames(c.assign),
        receiverRole: c['receiver-role'],
        typeArg: c['type-arg'] === undefined ? undefined : Number(c['type-arg']),
        nameArg: c['name-arg'] === undefined ? undefined : Number(c['name-arg']),
        headersArgs: list(c['headers-args']).map(Number),
      };
      if (c.call) m.contentTypeIndex.add(row, list(c.call));
      if (c.assign) m.contentTypeAssignIndex.add(row, list(c.assign));
    }
    for (const [, s] of rows(doc, 'sanitizers')) {
      const row: SanitizerModel = { call: compileNames(s.call)!, kinds: list(s.kinds ?? '*'), method: !!s.method, module: s.module, revives: !!s.revives };
      m.sanitizers.push(row);
      m.sanitizerIndex.add(row, list(s.call));
    }
    for (const [, g] of rows(doc, 'guards')) {
      m.guards.push({ call: compileNames(g.call)!, checks: g.checks === 'receiver' || g.checks === 'receiver-arg' || g.checks === 'either' ? g.checks : Number(g.checks ?? 0), keyword: g.keyword, kinds: list(g.kinds ?? '*'), anchoredRegex: !!g['anchored-regex'], types: g.types ? new RegExp(`^(?:${list(g.types).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`) : undefined });
    }
    for (const [ci, c] of rows(doc, 'comparisons')) {
      const refused = rx.problems.length;
      const row: ComparisonModel = {
        kind: c.kind,
        operators: new Set(list(c.operators)),
        secretKinds: new Set(list(c['secret-kinds'])),
        requestKinds: new Set(list(c['request-kinds'] ?? 'remote')),
        secretNames: rx.compile(c['secret-names'], ['comparisons', ci, 'secret-names']),
        notSecretNames: c['not-secret-names'] ? rx.compile(c['not-secret-names'], ['comparisons', ci, 'not-secret-names']) : undefined,
        countMembers: new Set(list(c['count-members'])),
        emptyNames: new Set(list(c['empty-names'])),
      };
      if (rx.problems.length === refused) m.comparisons.push(row);
    }
    cleanNames.push(...list(doc.clean));
    for (const [, s] of rows(doc, 'storing')) {
      m.storing.set(String(s.method), Number(s.from ?? 0));
      if (s.keyed) m.keyed.add(String(s.method));
    }
    for (const [, f] of rows(doc, 'fills')) m.fills.push({ call: compileNames(f.call), method: f.method ? new Set(list(f.method)) : undefined, from: f.from === 'receiver' ? 'receiver' : Number(f.from ?? 0), into: Number(f.into) });
    for (const [, l] of rows(doc, 'list-positions')) for (const method of list(l.method)) m.listOps.set(method, l.op as ListOp);
    for (const r of list(doc.reorders)) m.reorders.add(r);
    for (const p of list(doc.positions)) m.positions.add(p);
    for (const p of list(doc.lookups)) m.lookups.add(p);
    for (const p of list(doc.maps)) m.maps.add(p);
    for (const k of list(doc['built-strings-clean'])) if (!m.builtStringsClean.includes(k)) m.builtStringsClean.push(k);
    exitNames.push(...list(doc.exits));
    sameValueNames.push(...list(doc['same-value']));
  }
  m.sameValue = compileNames(sameValueNames.length ? sameValueNames : ['\0']) ?? (() => false);
  m.clean = compileNames(cleanNames.length ? cleanNames : ['\0']) ?? (() => false);
  m.exits = compileNames(exitNames.length ? exitNames : ['\0']) ?? (() => false);
  return m;
}

const MAX_MODEL_BYTES = 4 * 1024 * 1024;

/** One model file's rows, as compileModels takes them, or the reason it has none. */
interface ReadModel {
  data?: Raw;
  /** The line of a path in the file (parsed again from the text when a pre-parsed file needs one). */
  lineAt: (path: (string | number)[]) => number;
}

function readModel(path: string, dir: string, builtin: boolean, errors: RuleLoadError[]): ReadModel {
  let text: string;
  try {
    // A FIFO or `/dev/zero` behind a model file name in a custom rules folder must not hang the load.
    text = readSmallFile(path, MAX_MODEL_BYTES, true).toString('utf8');
  } catch (err) {
    errors.push({ file: path, line: 1, message: `cannot read taint model: ${(err as Error).message}; the file is left out` });
    return { lineAt: () => 1 };
  }
  let lines: YamlWithLines | undefined;
  const linesOf = (): YamlWithLines => (lines ??= parseYamlWithLines(text));
  let data: unknown;
  try {
    // Built-in models come parsed from the build (parsedYaml.ts); their lines are needed only when something is wrong.
    const built = builtin ? preParsed([dir], path, text) : undefined;
    data = built ? built.data : linesOf().data;
  } catch (err) {
    const line = err instanceof YamlSyntaxError ? err.line : 1;
    errors.push({ file: path, line, message: `YAML: ${err instanceof YamlSyntaxError ? err.reason : (err as Error).message}; the file is left out` });
    return { lineAt: () => 1 };
  }
  const lineAt = (p: (string | number)[]): number => linesOf().lineAt(p);
  const problems = checkData(data ?? {}, MODEL_FILE);
  for (const p of problems) errors.push({ file: path, line: lineAt(p.path), message: `${p.message}; ${p.path.length >= 2 ? 'this row is left out' : p.path.length === 1 ? 'this key is ignored' : 'the file is left out'}` });
  return { data: problems.length > 0 ? withoutProblems(data, problems) : ((data ?? {}) as Raw), lineAt };
}

/**
 * The file without what its problems are about: a row (or list item) with a problem becomes
 * null, so the rows after it keep their index (regex problems name rows by index), and a
 * top-level key with a problem goes.
 */
function withoutProblems(data: unknown, problems: SchemaProblem[]): Raw {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const out: Raw = { ...(data as Raw) };
  for (const { path } of problems) {
    const [key, index] = path as [string?, (string | number)?];
    if (key === undefined || !(key in out)) continue;
    if (typeof index === 'number' && Array.isArray(out[key])) {
      if (out[key] === (data as Raw)[key]) out[key] = [...out[key]];
      out[key][index] = null;
    } else delete out[key];
  }
  return out;
}

/**
 * Reads `<dir>/<pack folder>/_models/*.yaml` for each rules folder, for each language pack.
 * Each file is checked against the model schema (modelSchema.ts); a problem is reported in
 * `errors` with its file and line and the row it is in is left out, like a row whose regex
 * is refused. A file that cannot be read or parsed is reported and left out.
 */
export function loadTaintModels(ruleDirs: string[], errors: RuleLoadError[] = [], trust?: RegexTrust): Map<Family, TaintModels> {
  const docs = new Map<Family, Raw[]>(PACKS.map((p) => [p.family, []]));
  const checks = new Map<Family, RuleRegexes[]>(PACKS.map((p) => [p.family, []]));
  const reports: (() => void)[] = [];
  for (const dir of ruleDirs) {
    for (const pack of PACKS) {
      const models = join(dir, pack.rulesFolder, '_models');
      if (!existsSync(models)) continue;
      const family = pack.family;
      for (const file of readdirSync(models).sort()) {
        if (!/\.ya?ml$/.test(file)) continue;
        const path = join(models, file);
        const level = trust ?? (isBuiltinRuleFile(path) ? 'builtin' : 'user');
        const model = readModel(path, dir, level === 'builtin', errors);
        if (!model.data) continue;
        docs.get(family)!.push(model.data);
        if (level === 'builtin') checks.get(family)!.push(TRUSTED);
        else {
          // Users' models: their regexes are checked, and a refusal names the line.
          const rx = new RuleRegexes(level);
          checks.get(family)!.push(rx);
          reports.push(() => errors.push(...rx.problems.map((p) => ({ file: path, line: model.lineAt(p.path), message: `${p.message}; this row is left out` }))));
        }
      }
    }
  }
  const models = new Map<Family, TaintModels>([...docs].map(([family, list]) => [family, compileModels(list, checks.get(family)!)]));
  for (const report of reports) report();
  return models;
}
