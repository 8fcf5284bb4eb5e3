/**
 * A quick look at the text before the taint walk: a file with no request handler, no
 * browser or framework input and no decorated input parameter cannot produce a taint
 * finding (cross-file flows aside), so library code is not walked at all. The hints come
 * from the models, so a new framework's rows widen them automatically.
 */
import type { TaintModels } from './models';

/**
 * A test of a file's text: the hint's regex, or a typed parameter's pattern in a file whose
 * text spells out that type's full name (see `typedParamsByFullName`).
 */
export class TextHint {
  constructor(
    readonly regex: RegExp,
    private readonly typed: readonly { names: readonly string[]; pattern: RegExp }[] = [],
  ) {}

  test(text: string): boolean {
    return this.regex.test(text) || this.typed.some((t) => t.names.some((n) => text.includes(n)) && t.pattern.test(text));
  }

  /** The same typed parameters (and `more`) with another regex. */
  withRegex(regex: RegExp, more: readonly { names: readonly string[]; pattern: RegExp }[] = []): TextHint {
    return new TextHint(regex, [...this.typed, ...more]);
  }
}

/** Patterns for parameters typed with `simple` (the class's last name). */
const lastSegment = (name: string): string => name.slice(name.lastIndexOf('.') + 1);

function typedParamPatterns(simple: string): string[] {
  return [
    `:\\s*(?:[\\w$]+\\s*\\.\\s*)?${escape(simple)}\\s*[,)=]`,
    // …or with the type before the name (`HttpServletRequest request,`).
    `\\b${escape(simple)}\\s+[\\w$]+\\s*[,)]`,
    // …or after the name, qualified by a package and maybe a pointer (`r *http.Request,`).
    `\\b[\\w$]+\\s+\\*?[\\w$]+\\s*\\.\\s*${escape(simple)}\\s*[,)]`,
  ];
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What a file that reads the source `name` must spell out, as a pattern: its first word
 * (`req` of `req.query`, `flask` of `flask.request`), or for a name under a module path
 * (`github.com/gorilla/mux.Vars`) the whole path, which the file's import names: the
 * path's first word (`github`) is in nearly every import list.
 */
function leadingWord(name: string): string {
  return escape(modulePathOf(name) ?? name.split('.')[0]!);
}

/** The module path a name is under (`github.com/gin-gonic/gin` of `github.com/gin-gonic/gin.Context`), when it has one. */
function modulePathOf(name: string): string | undefined {
  const slash = name.lastIndexOf('/');
  if (slash < 0) return undefined;
  const dot = name.indexOf('.', slash);
  return dot < 0 ? name : name.slice(0, dot);
}

/**
 * A type or constructor under a module path is named through its import (`"net/http"`, then
 * `r *http.Request`), so its pattern counts only in a file that names the path: alone,
 * `ctx context.Context)` reads as a `gin.Context` parameter and `bufio.NewReader(` as an
 * archive's reader, in nearly every file.
 */
function underModule(name: string, patterns: string[]): { names: string[]; pattern: RegExp } | undefined {
  const path = modulePathOf(name);
  return path ? { names: [path], pattern: new RegExp(patterns.join('|')) } : undefined;
}

/**
 * A decorated parameter: `@Query()`, or the decorator followed by a typed parameter
 * (`@RequestParam String q,`). The word alone is prose in every doc comment.
 */
function decoratedParam(name: string): string {
  return `@${escape(name)}(?:\\s*\\(|\\s+(?:final\\s+)?[\\w$.]+(?:<[^>\\n]*>)?(?:\\[\\])*\\s+[\\w$]+\\s*[,)])`;
}

export function sourceHints(models: TaintModels, kinds: ReadonlySet<string>, typedParamsByFullName = false): TextHint {
  // A request handler, or a source name used directly. Browser globals are matched by the
  // whole name (`location.hash`, `document.cookie`): `window` and `document` alone are in
  // every front-end file; a framework's request object by its module (`flask`).
  const handlers = handlerHints(models, typedParamsByFullName);
  const patterns = [handlers.regex.source];
  const GLOBALS = new Set(['location', 'document', 'window', 'process', 'sys', 'os', 'globalThis', 'self']);
  const words = new Set<string>();
  const typed: { names: string[]; pattern: RegExp }[] = [];
  const typedOrPlain = (name: string, ps: string[]): void => {
    const t = underModule(name, ps);
    if (t) typed.push(t);
    else patterns.push(...ps);
  };
  for (const s of models.sources) {
    if (!kinds.has(s.kind)) continue;
    for (const n of s.nameList ?? []) {
      const parts = n.split('.');
      if (GLOBALS.has(parts[0]!)) patterns.push(parts.map(escape).join('\\s*\\.\\s*').replace(/^/, '\\b') + '\\b');
      else words.add(leadingWord(n));
    }
    for (const d of s.decorators ?? []) patterns.push(decoratedParam(d));
    // A role whose input is not a request's (an archive's entries): a parameter of its type, or
    // a call that makes a value of it (`f *zip.File`, `zip.OpenReader(…)`).
    if (!s.role || s.kind === 'remote') continue;
    for (const t of models.typedParams) if (t.role === s.role && /^\w+$/.test(lastSegment(t.type))) typedOrPlain(t.type, typedParamPatterns(lastSegment(t.type)));
    for (const i of models.instances) for (const n of i.role === s.role ? i.names : []) if (/^\w+$/.test(lastSegment(n))) typedOrPlain(n, [`\\b${escape(lastSegment(n))}\\s*\\(`]);
  }
  // Event handlers registered for input (`addEventListener('message', …)`).
  for (const h of models.handlers) {
    if (!h.firstArg || h.firstArg.test('/')) continue;
    const literal = h.firstArg.source.replace(/^\^|\$$/g, '');
    if (!/^\w+$/.test(literal)) continue;
    for (const r of h.registerNames ?? []) {
      const last = r.slice(r.lastIndexOf('.') + 1);
      if (/^\w+$/.test(last)) patterns.push(`\\.${escape(last)}\\s*\\(\\s*['"\`]${literal}['"\`]`);
    }
  }
  // Handler parameters named like a request (`(req, res)`, `ctx.request`) without a route in sight.
  // `req.query`, not the end of a sentence ("a POST request. POST requests …").
  for (const h of models.handlers) for (const name of h.paramsNamed?.[0] ?? []) words.add(`${name}\\.(?:query|body|params|headers|cookies|request|GET|POST|args|form|json|data)`);
  const list = [...words];
  if (list.length > 0) patterns.push(`\\b(?:${list.join('|')})\\b`);
  return handlers.withRegex(new RegExp([...new Set(patterns)].join('|')), typed);
}

/**
 * Stricter than sourceHints: the text shows a request handler itself (a route
 * registration, a `(req, res)` signature, a route decorator, a framework's request
 * object). Used to decide which files' imports are worth summarising before a scan.
 */
export function handlerHints(models: TaintModels, typedParamsByFullName = false): TextHint {
  const patterns: string[] = [];
  const typed: { names: string[]; pattern: RegExp }[] = [];
  const methods = new Set<string>();
  const decorators = new Set<string>();
  const exports = new Set<string>();
  for (const h of models.handlers) {
    for (const d of h.decoratorNames ?? []) decorators.add(d.slice(d.lastIndexOf('.') + 1));
    // Route registrations only (`.get('/path', …)`); `addEventListener('message')` is browser input.
    if (!h.firstArg || h.firstArg.test('/')) {
      for (const r of h.registerNames ?? []) {
        const last = r.slice(r.lastIndexOf('.') + 1);
        if (/^\w+$/.test(last)) methods.add(last);
      }
    }
    for (const name of h.exports ?? []) exports.add(name);
    // Typed parameters, in order: `(ctx context.Context, req *pb.GetUserRequest)`.
    const typedParams = (h.paramsTypedNames ?? []).map((names) => names.map(lastSegment));
    if (typedParams.length > 0 && typedParams.every((lasts) => lasts.every((l) => /^[\w*]+$/.test(l) && /\w/.test(l)))) {
      const one = (lasts: string[]): string => `[\\w$]+\\s+\\*?(?:[\\w$]+\\s*\\.\\s*)?(?:${lasts.map((l) => escape(l).replace(/\\\*/g, '\\w*')).join('|')})`;
      patterns.push(`\\(\\s*${typedParams.map(one).join('\\s*,\\s*')}\\s*\\)`);
    }
    const named = h.paramsNamed;
    if (named && named.length >= 2) {
      patterns.push(`\\(\\s*(?:${named[0]!.map(escape).join('|')})\\s*(?::[^,)]*)?,\\s*(?:${named[1]!.map(escape).join('|')})\\b`);
      // A destructured first parameter: `({ query, body }, res) =>`.
      patterns.push(`\\(\\s*\\{[^{}()]*\\}\\s*(?::[^,)]*)?,\\s*(?:${named[1]!.map(escape).join('|')})\\b`);
    } else if (named && named.length === 1 && !h.register) {
      // A lone `(ctx)` is everywhere; only a Python view's `def view(request, …)` says enough.
      patterns.push(`def\\s+\\w+\\s*\\(\\s*(?:self\\s*,\\s*)?(?:${named[0]!.map(escape).join('|')})\\s*[,):]`);
    }
  }
  // A parameter typed with a framework's request type (`{ query }: Request,`). Where imports
  // spell out a type's full name, only in a file that does (a parameter's type gives it a
  // role through its import: units.ts typedRole).
  const byFullName = new Map<string, string[]>();
  for (const t of models.typedParams) {
    if (!models.sources.some((s) => s.role === t.role && s.kind === 'remote')) continue;
    const last = t.type.slice(t.type.lastIndexOf('.') + 1);
    if (!/^\w+$/.test(last)) continue;
    const byModule = underModule(t.type, typedParamPatterns(last));
    if (byModule) typed.push(byModule);
    else if (!typedParamsByFullName) patterns.push(...typedParamPatterns(last));
    else if (byFullName.has(last)) byFullName.get(last)!.push(t.type);
    else byFullName.set(last, [t.type]);
  }
  for (const [last, names] of byFullName) typed.push({ names, pattern: new RegExp(typedParamPatterns(last).join('|')) });
  for (const h of models.handlers) {
    // Methods of a framework's handler class that read input through `self` (`self.get_argument(…)`).
    if (h.selfRole) {
      const used = new Set<string>();
      for (const src of models.sources) {
        if (src.role !== h.selfRole || src.kind !== 'remote') continue;
        for (const n of [...(src.members ?? []), ...(src.calls ?? [])]) used.add(n.split('.')[0]!);
      }
      if (used.size > 0) patterns.push(`\\bself\\.(?:${[...used].map(escape).join('|')})\\b`);
    }
    // GraphQL resolver maps (`Query: {`).
    if (h.objectKeys) patterns.push(`\\b(?:${[...h.objectKeys].map(escape).join('|')})\\s*:\\s*\\{`);
    // …and the handler classes themselves (`class Item(tornado.web.RequestHandler)`: URL captures are input).
    for (const n of h.classExtendsNames ?? []) {
      const last = n.slice(n.lastIndexOf('.') + 1);
      if (/^\w+$/.test(last)) patterns.push(`\\b${escape(last)}\\b`);
    }
  }
  const m = [...methods].filter((x) => /^\w+$/.test(x)).map(escape).join('|');
  if (m) patterns.push(`\\.(?:${m})\\s*\\(\\s*['"\`]\\/`);
  // A route decorator, on an app object or alone (`@app.get(`, `@GetMapping`).
  const d = [...decorators].filter((x) => /^\w+$/.test(x)).map(escape).join('|');
  if (d) patterns.push(`@(?:[\\w.]*\\.)?(?:${d})\\b`);
  if (exports.size > 0) patterns.push(`export\\s+(?:async\\s+)?(?:function|const)\\s+(?:${[...exports].map(escape).join('|')})\\b`);
  for (const s of models.sources) {
    if (s.kind !== 'remote') continue;
    for (const d of s.decorators ?? []) patterns.push(decoratedParam(d));
    for (const n of s.nameList ?? []) patterns.push(`\\b${leadingWord(n)}\\b`);
  }
  return new TextHint(patterns.length > 0 ? new RegExp([...new Set(patterns)].join('|')) : /$^/, typed);
}
