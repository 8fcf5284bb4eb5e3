/**
 * Sources, sinks, sanitizers, guards and handler shapes, as the taint walk reads them (loaded from
 * `rules/<language>/_models/*.yaml` by modelLoader.ts). Adding a library is adding rows there.
 */
import type { NameMatcher, ValueTest } from '../engine/rule';
import type { NameIndex } from './nameIndex';

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
   * Only when these arguments pass their value tests, as a sink's `when` (a number names a
   * positional argument): `replaceAll` is a path sanitizer only with a pattern that removes the
   * separators.
   */
  when?: Map<string, ValueTest>;
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
  /**
   * Method → the arguments that are callbacks called with an error rather than the receiver's
   * value (`p.catch(err => …)`, `p.then(ok, err => …)`): like a `catch` clause's variable, their
   * parameters carry no input.
   */
  errorCallbacks: Map<string, Set<number>>;
  /**
   * Calls whose result carries only these arguments' taint, not all their inputs' (an HTTP
   * client's response is what the server at the URL sends, not the headers or body sent to it).
   */
  resultsFrom: { call: NameMatcher; args: number[] }[];
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
