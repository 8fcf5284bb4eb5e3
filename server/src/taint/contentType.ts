/**
 * Response content types. `res.type('text/plain')`, `res.set('Content-Type', 'application/json')`
 * or `res.writeHead(200, { 'Content-Type': … })` fix what a later `res.send(x)` is (Express keeps
 * a type that was set; only a string sent without one goes out as text/html). After a constant
 * type that browsers do not render as a document with scripts — not HTML, XML, SVG — the
 * `respects-content-type` html sinks on that response are not sinks. The rows are the
 * `content-types` section of the models.
 *
 * The state lives in the environment under `#must:type:<name>`, a key that branches keep only
 * when both set it (Env.join), so `if (a) res.type('text/plain')` does not count after the `if`.
 */
import type { SyntaxNode } from '../languages/parser';
import { NESTING_LIMIT, noteNestingCut } from '../languages/nesting';
import type { FileContext } from '../engine/fileContext';
import type { FlowWalker, Frame } from './flow';
import { MUST_PREFIX } from './env';
import type { ContentTypeModel } from './models';
import { onlyBinding } from './constantCondition';
import { enclosingScope } from './units';

/** Express `res.type('json')` looks the type up as a file extension: the ones that are not documents. */
const EXTENSIONS: Record<string, string> = {
  json: 'application/json', map: 'application/json', txt: 'text/plain', text: 'text/plain', log: 'text/plain', csv: 'text/csv',
  js: 'application/javascript', mjs: 'application/javascript', css: 'text/css', md: 'text/markdown',
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp', ico: 'image/x-icon',
  pdf: 'application/pdf', bin: 'application/octet-stream', zip: 'application/zip', gz: 'application/gzip',
  mp3: 'audio/mpeg', mp4: 'video/mp4', wasm: 'application/wasm', woff: 'font/woff', woff2: 'font/woff2',
};

/** Types browsers render as a document that runs scripts. */
const DOCUMENT_TYPE = /html|xml|svg|xsl/;

/** True for a constant type that is not rendered as an HTML/XML/SVG document. */
export function nonDocumentType(value: string): boolean {
  const t = value.split(';')[0]!.trim().toLowerCase();
  const mime = t.includes('/') ? t : EXTENSIONS[t.replace(/^\./, '')];
  if (!mime || !/^(text|application|image|audio|video|font)\/[a-z0-9.+-]+$/.test(mime)) return false;
  return !DOCUMENT_TYPE.test(mime);
}

/** The variable under a receiver chain: `res` in `res.status(200).type('text/plain')`. */
export function receiverBase(ctx: FileContext, receiver: SyntaxNode | null): SyntaxNode | null {
  const syn = ctx.syntax;
  let base: SyntaxNode | null = receiver;
  for (let kind = base ? syn.kind(base) : undefined; base && kind !== 'name'; kind = base ? syn.kind(base) : undefined) {
    // A call that holds its receiver (Java's `response.getWriter()`) or a member callee's object.
    if (kind === 'call') base = syn.child(base, 'object') ?? ctx.adapter.callee(base);
    else if (kind === 'member') base = syn.child(base, 'object');
    else if (kind === 'paren' && base.namedChildCount === 1) base = base.namedChild(0);
    else return null;
  }
  return base;
}

/** The value a call's method runs on: the object of a member callee, or the receiver a call holds (Java). */
function callReceiver(ctx: FileContext, call: SyntaxNode): SyntaxNode | null {
  const callee = ctx.adapter.callee(call);
  if (callee && ctx.syntax.kind(callee) === 'member') return ctx.syntax.child(callee, 'object');
  return ctx.syntax.child(call, 'object');
}

function isContentTypeName(ctx: FileContext, node: SyntaxNode | undefined): boolean {
  const v = node ? ctx.adapter.constantValue(node, ctx.bindings) : undefined;
  return typeof v === 'string' && v.toLowerCase() === 'content-type';
}

/** The node's constant value when it is a type that is not rendered as a document. */
function nonDocumentConstant(ctx: FileContext, node: SyntaxNode): string | undefined {
  const text = ctx.adapter.constantValue(node, ctx.bindings);
  if (typeof text === 'string') return nonDocumentType(text) ? text : undefined;
  // `"text/plain; charset=" + CHARSET`: the type is whole before the parameters.
  const first = ctx.syntax.stringPieces(node, ctx.bindings)?.[0];
  const value = !first ? undefined : 'text' in first ? first.text : ctx.adapter.constantValue(first.node, ctx.bindings);
  const lead = typeof value === 'string' ? value : '';
  return lead.includes(';') && nonDocumentType(lead) ? lead : undefined;
}

/**
 * The Content-Type entry of a headers literal (a JavaScript object or a Python dict): its
 * value node, undefined when a spread before it (`...headers`, `**headers`) may hold any type,
 * null when there is none.
 */
function contentTypeEntry(ctx: FileContext, headers: SyntaxNode): SyntaxNode | null | undefined {
  for (const prop of headers.namedChildren) {
    const kind = prop ? ctx.syntax.kind(prop) : undefined;
    if (kind === 'spread') return undefined;
    if (kind !== 'pair') continue;
    const key = ctx.adapter.pairParts(prop);
    if (key && key.key.toLowerCase() === 'content-type') return key.value;
  }
  return null;
}

/** The node holding the type a content-type call sets, null when the call sets none, undefined when it cannot tell. */
function typeValue(ctx: FileContext, row: ContentTypeModel, args: SyntaxNode[]): SyntaxNode | null | undefined {
  if (row.typeArg !== undefined) return args[row.typeArg];
  if (row.nameArg !== undefined && isContentTypeName(ctx, args[row.nameArg])) return args[row.nameArg + 1];
  for (const i of row.headersArgs) {
    const obj = args[i];
    const entry = obj && ctx.syntax.kind(obj) === 'object' ? contentTypeEntry(ctx, obj) : null;
    if (entry !== null) return entry;
  }
  return null;
}

/** Remembers whether the type set on response `base` is a constant non-document type. */
function rememberType(w: FlowWalker, base: SyntaxNode, value: SyntaxNode | undefined, frame: Frame): void {
  const key = `${MUST_PREFIX}type:${base.text}`;
  const text = value ? nonDocumentConstant(w.ctx, value) : undefined;
  if (text !== undefined) {
    frame.env.set(key, [{ label: 'content-type', kind: '', sourceText: text, trace: [], cleanFor: new Set(['*']) }]);
  } else frame.env.set(key, []);
}

/** After a call that sets a response's type, remembers whether it is a constant non-document type. */
export function trackContentType(w: FlowWalker, qualified: string, receiver: SyntaxNode | null, args: SyntaxNode[], frame: Frame): void {
  const rows = w.file.models.contentTypeIndex.find(qualified);
  if (rows.length === 0) return;
  const base = receiverBase(w.ctx, receiver);
  if (!base) return;
  const role = frame.roles.get(base.text);
  for (const row of rows) {
    if (row.receiverRole && row.receiverRole !== role) continue;
    const value = typeValue(w.ctx, row, args);
    if (value === null) continue; // another header
    rememberType(w, base, value, frame);
    return;
  }
}

/** The same after an assignment that sets a type (Koa's `ctx.type = 'json'`, `ctx.response.type = …`). */
export function trackContentTypeAssign(w: FlowWalker, target: SyntaxNode, value: SyntaxNode | null, frame: Frame): void {
  if (w.ctx.syntax.kind(target) !== 'member') return;
  const qualified = w.ctx.adapter.qualify(target, w.ctx.bindings);
  const rows = qualified ? w.file.models.contentTypeAssignIndex.find(qualified) : [];
  if (rows.length === 0) return;
  const base = receiverBase(w.ctx, w.ctx.syntax.child(target, 'object'));
  if (!base) return;
  const role = frame.roles.get(base.text);
  if (rows.some((row) => !row.receiverRole || row.receiverRole === role)) rememberType(w, base, value ?? undefined, frame);
}

/** True when the response a sink writes to was given a constant non-document type before. */
export function hasNonDocumentType(w: FlowWalker, receiver: SyntaxNode | null, frame: Frame): boolean {
  const base = receiverBase(w.ctx, receiver);
  if (!base) return false;
  // A writer taken from the response (`out = response.getWriter()`) writes with the response's type.
  const origin = w.file.instanceOrigins.get(base.text);
  return frame.env.has(`${MUST_PREFIX}type:${base.text}`) || (!!origin && frame.env.has(`${MUST_PREFIX}type:${origin}`));
}

const TYPE_ATTRIBUTES = new Set(['mimetype', 'content_type']);

/** `name.headers` */
function isHeadersOf(ctx: FileContext, node: SyntaxNode | null, name: string): boolean {
  const syn = ctx.syntax;
  return !!node && syn.kind(node) === 'member' && syn.child(node, 'property')?.text === 'headers' && syn.child(node, 'object')?.text === name;
}

/**
 * What a statement does to the type of response `name`: the type node it assigns
 * (`name.mimetype = T`, `name.content_type = T`, `name.headers['Content-Type'] = T`,
 * `name['Content-Type'] = T`),
 * 'rebound' when `name` itself is assigned again, undefined when neither.
 */
function typeAssignment(ctx: FileContext, assignment: SyntaxNode, name: string): SyntaxNode | 'rebound' | undefined {
  const syn = ctx.syntax;
  const left = syn.child(assignment, 'left');
  const right = syn.child(assignment, 'right');
  if (!left || !right) return undefined;
  const kind = syn.kind(left);
  if (kind === 'name') return left.text === name ? 'rebound' : undefined;
  if (kind === 'member') {
    const attribute = syn.child(left, 'property')?.text ?? '';
    return syn.child(left, 'object')?.text === name && TYPE_ATTRIBUTES.has(attribute) ? right : undefined;
  }
  const holder = kind === 'subscript' ? syn.child(left, 'object') : null;
  // `resp.headers['Content-Type'] = T`; Django also takes `response['Content-Type'] = T`.
  if (holder && (isHeadersOf(ctx, holder, name) || (syn.kind(holder) === 'name' && holder.text === name))) {
    return isContentTypeName(ctx, syn.child(left, 'index') ?? undefined) ? right : undefined;
  }
  return undefined;
}

/**
 * Python responses get their type after they are made: `resp = make_response(body)`, then
 * `resp.mimetype = 'application/json'` (or `content_type`, or `resp.headers['Content-Type']`),
 * or at once in a headers dict (`make_response(body, 200, {'Content-Type': 'text/plain'})`).
 * True when the response this call makes is given a constant type that is not a document:
 * in a dict argument, or by the first later statement of the same block that sets the type of
 * the variable it is assigned to (before that variable is assigned again).
 */
export function typedAsNonDocument(ctx: FileContext, call: SyntaxNode, args: SyntaxNode[]): boolean {
  const syn = ctx.syntax;
  for (const arg of args) {
    const entry = syn.kind(arg) === 'object' ? contentTypeEntry(ctx, arg) : null;
    if (entry !== null) return !!entry && nonDocumentConstant(ctx, entry) !== undefined;
  }
  const assignment = call.parent;
  const target = assignment && syn.kind(assignment) === 'assign' && syn.child(assignment, 'right')?.id === call.id ? syn.child(assignment, 'left') : null;
  if (!target || syn.kind(target) !== 'name') return false;
  const scope = enclosingScope(ctx, assignment!);
  for (const later of scope.descendantsOfType(syn.typesOf('assign'), assignment!.endPosition, scope.endPosition)) {
    if (!later || later.startIndex < assignment!.endIndex) continue;
    const set = typeAssignment(ctx, later, target.text);
    if (set === 'rebound') return false;
    // Only a statement of the same block counts: one inside an `if` may not run.
    if (set && later.parent?.parent?.id === assignment!.parent?.parent?.id) return nonDocumentConstant(ctx, set) !== undefined;
  }
  return false;
}

/** Calls whose result is JSON text, a Buffer or a stream: Koa sends none of them as HTML by its start. */
const NOT_MARKUP_CALLS = new Set(['JSON.stringify', 'Buffer.from', 'Buffer.concat', 'Buffer.alloc', 'fs.createReadStream']);
/** These return a Buffer without an encoding argument, a string (the file's text) with one. */
const BUFFER_UNLESS_ENCODING = new Set(['fs.readFileSync', 'fs.promises.readFile', 'fs/promises.readFile', 'fs-extra.readFile', 'fs-extra.readFileSync']);

/**
 * Koa sends a string body as text/html only when it starts with `<` (after white space):
 * false when `value` cannot, because it begins with a constant that does not (`'Hello ' + name`,
 * `` `Total: ${n}` ``), is JSON (`JSON.stringify(x)`), a number, a Buffer or a stream — or is a
 * `const` of the same function initialised with one of those.
 */
export function mayStartWithMarkup(ctx: FileContext, value: SyntaxNode, depth = 0, nesting = 0): boolean {
  if (nesting > NESTING_LIMIT) {
    noteNestingCut(value.startPosition.row);
    return true;
  }
  const syn = ctx.syntax;
  switch (syn.kind(value)) {
    case 'paren':
    case 'await':
      return value.namedChildCount !== 1 || mayStartWithMarkup(ctx, value.namedChild(0)!, depth, nesting + 1);
    case 'binary': {
      const left = syn.child(value, 'left');
      return syn.operator(value) !== '+' || !left || mayStartWithMarkup(ctx, left, depth, nesting + 1);
    }
    case 'string': {
      // A template: its first piece decides. A value first, or text that is white space only
      // (the start is then what follows it), is unknown.
      const pieces = syn.stringPieces(value, ctx.bindings);
      if (!pieces) break;
      const first = pieces[0];
      if (!first || !('text' in first) || /^\s*$/.test(first.text)) return true;
      return /^\s*</.test(first.text);
    }
    case 'call': {
      const callee = ctx.adapter.callee(value);
      const name = callee ? ctx.adapter.qualify(callee, ctx.bindings) : null;
      if (name && NOT_MARKUP_CALLS.has(name)) return false;
      if (name && BUFFER_UNLESS_ENCODING.has(name) && ctx.adapter.positionalArgs(value).length === 1) return false;
      break;
    }
    case 'name': {
      const init = depth < 4 ? onlyBinding(ctx, value) : null;
      if (init && ctx.syntax.constDeclared(init)) return mayStartWithMarkup(ctx, init, depth + 1, nesting + 1);
      break;
    }
    default:
  }
  const constant = ctx.adapter.constantValue(value, ctx.bindings);
  return typeof constant === 'string' ? /^\s*</.test(constant) : typeof constant !== 'number';
}

/** Whether a type that was set makes what follows a document. */
type TypeTest = (ctx: FileContext, value: SyntaxNode | undefined) => boolean;

/** Not a constant non-document type: a document, or a type that cannot be known. */
const mayBeDocument: TypeTest = (ctx, value) => !value || nonDocumentConstant(ctx, value) === undefined;

/** A constant HTML, XML or SVG type (`'text/html'`, Express/Fastify `'html'`). */
const documentConstant: TypeTest = (ctx, value) => {
  const text = value ? ctx.adapter.constantValue(value, ctx.bindings) : undefined;
  return typeof text === 'string' && DOCUMENT_TYPE.test(text.split(';')[0]!.trim().toLowerCase());
};

/** The type a content-type call sets (see `typeValue`), null when `call` sets none. */
function typeSetBy(w: FlowWalker, call: SyntaxNode): SyntaxNode | null | undefined {
  const callee = w.ctx.adapter.callee(call);
  const qualified = callee && callReceiver(w.ctx, call) ? w.ctx.adapter.qualify(callee, w.ctx.bindings) : null;
  if (!qualified) return null;
  for (const row of w.file.models.contentTypeIndex.find(qualified)) {
    const value = typeValue(w.ctx, row, w.ctx.adapter.positionalArgs(call));
    if (value !== null) return value;
  }
  return null;
}

/**
 * True when the function around `at` sets a type on response `base` before it that passes
 * `test` (`ctx.type = 'html'`, `reply.header('Content-Type', 'text/html')`): a statement
 * anywhere before it in the function, on any branch.
 */
function typeSetBefore(w: FlowWalker, base: SyntaxNode, at: SyntaxNode, test: TypeTest): boolean {
  const ctx = w.ctx;
  const scope = enclosingScope(ctx, at);
  const syn = ctx.syntax;
  const sameBase = (receiver: SyntaxNode | null): boolean => receiverBase(ctx, receiver)?.text === base.text;
  for (const a of scope.descendantsOfType(syn.typesOf('assign'), scope.startPosition, at.startPosition)) {
    const left = a ? syn.child(a, 'left') : null;
    if (!a || a.startIndex >= at.startIndex || !left || syn.kind(left) !== 'member' || !sameBase(syn.child(left, 'object'))) continue;
    const qualified = ctx.adapter.qualify(left, ctx.bindings);
    if (qualified && w.file.models.contentTypeAssignIndex.find(qualified).length > 0 && test(ctx, syn.child(a, 'right') ?? undefined)) return true;
  }
  for (const call of scope.descendantsOfType(syn.typesOf('call'), scope.startPosition, at.startPosition)) {
    if (!call || call.startIndex >= at.startIndex || !sameBase(callReceiver(ctx, call))) continue;
    const value = typeSetBy(w, call);
    if (value !== null && test(ctx, value)) return true;
  }
  return false;
}

/** Koa: the handler set a type on `base` that may be a document, so any body is one. */
export function documentTypeSetBefore(w: FlowWalker, base: SyntaxNode, at: SyntaxNode): boolean {
  return typeSetBefore(w, base, at, mayBeDocument);
}

/**
 * Fastify: a reply is text/plain unless given an HTML type — in the call's own chain
 * (`reply.type('text/html').send(x)`) or by a statement before it in the function.
 */
export function givenDocumentType(w: FlowWalker, receiver: SyntaxNode | null, at: SyntaxNode): boolean {
  for (let link = receiver; link && w.ctx.syntax.kind(link) === 'call'; link = callReceiver(w.ctx, link)) {
    const value = typeSetBy(w, link);
    if (value !== null && documentConstant(w.ctx, value)) return true;
  }
  const base = receiverBase(w.ctx, receiver);
  return !!base && typeSetBefore(w, base, at, documentConstant);
}
