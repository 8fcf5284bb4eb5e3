/**
 * Local module calls (`module "site" { source = "./modules/bucket"  acl = "public-read" }`)
 * expanded: the called folder's resources are evaluated with the call's arguments bound to
 * the module's `variable`s (defaults otherwise), and the checks run over them. A finding is
 * the caller's to report when the value that makes it unsafe is one the call passed: it lands
 * on that value in the calling file (where the user fixes it), with a trace to the resource in
 * the module. What a module gets wrong by itself is its own files' finding (their own scan).
 *
 * Each module file is checked in a text that holds its own text, then, from a fixed offset
 * shared by the module's files, the caller's text: the arguments are rebased there and
 * pinned (values.ts), so every position a check reports below that offset is the caller's.
 * Nested calls stack the same way. Registry and remote sources are not expanded.
 */
import { posix } from 'node:path';
import type { CheckHit, DocRange, DocStep, Expansion, ImportedFolder } from '../documentPack';
import { HclAttribute, HclFile, lineStartsOf, positionAt } from '../hcl/document';
import { at, evaluate, rebase, Scope, scalarText, Value } from '../hcl/values';
import { factsOf, moduleOf, TfBlock, TfModule } from './module';

/** A module block's own settings; the rest of its attributes are the module's input variables. */
const META = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
/** Calls nested deeper than this are not expanded (the engine reads no deeper either). */
const MAX_DEPTH = 5;

/** Terraform's local paths start with `./` or `../`; anything else is a registry or remote source. */
const LOCAL_SOURCE = /^\.\.?\//;
const SOURCE_LINE = /^[ \t]*source[ \t]*=[ \t]*"(\.\.?\/[^"$%]*)"/gm;

/** The local module folders a file's text names (`source = "./modules/bucket"`), for the engine to read. */
export function moduleSources(text: string): string[] {
  return [...new Set([...text.matchAll(SOURCE_LINE)].map((m) => normal(m[1]!)))];
}

function normal(request: string): string {
  return request.replace(/\/+$/, '') || '.';
}

/** Maps a range of a text to the checked file (undefined: it is not in the checked file's text). */
type Placer = (r: DocRange) => DocRange | undefined;

interface Where {
  place: Placer;
  /** How the checked file's folder reaches this module's folder (`./modules/bucket`). */
  shown: string;
  depth: number;
}

export function expandCalls(root: TfModule, folders: readonly ImportedFolder<TfModule>[]): Expansion<TfModule>[] {
  const out: Expansion<TfModule>[] = [];
  expandInto(root, folders, { place: (r) => r, shown: '.', depth: 1 }, out);
  return out;
}

function expandInto(caller: TfModule, folders: readonly ImportedFolder<TfModule>[], where: Where, out: Expansion<TfModule>[]): void {
  if (where.depth > MAX_DEPTH || folders.length === 0) return;
  for (const call of caller.blocks) {
    if (call.kind !== 'module') continue;
    const source = call.block.body.attributes.find((a) => a.name === 'source');
    const request = scalarText(source ? caller.value(source) : undefined);
    if (request === undefined || !LOCAL_SOURCE.test(request)) continue;
    const folder = folders.find((f) => normal(f.request) === normal(request));
    if (!folder) continue;
    const shown = posix.normalize(posix.join(where.shown, normal(request)));
    for (const { model, file, callerLine, reads } of instantiate(caller, call, folder)) {
      // Positions at or below the caller's first line are the caller's text; above, the module's own.
      const place: Placer = (r) => (r.start.line >= callerLine && r.end.line >= callerLine ? where.place(shifted(r, -callerLine)) : undefined);
      const inModule = (r: DocRange | undefined): boolean => !!r && r.end.line < callerLine;
      const display = `${shown}/${posix.basename(file.replace(/\\/g, '/'))}`;
      // A file that names none of the passed arguments (nor a local, which may) cannot report one.
      if (reads) out.push({ model, place: (hit) => placed(hit, place, inModule, call, file, display) });
      const inner = folder.imports;
      if (inner.length > 0) expandInto(model, inner, { place, shown, depth: where.depth + 1 }, out);
    }
  }
}

function shifted(r: DocRange, lines: number): DocRange {
  return { start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } };
}

function placed(hit: CheckHit, place: Placer, inModule: (r: DocRange | undefined) => boolean, call: TfBlock, file: string, display: string): CheckHit | undefined {
  const range = place(hit.range);
  if (!range) return undefined;
  const anchor = hit.anchor ? place(hit.anchor) : undefined;
  const fixes = (hit.fixes ?? []).flatMap((f) => {
    const edits = f.edits.map((e) => ({ range: place(e.range), newText: e.newText }));
    return edits.every((e) => e.range) ? [{ ...f, edits: edits as { range: DocRange; newText: string }[] }] : [];
  });
  const trace: DocStep[] = [{ range, message: `passed to ${call.address}` }];
  if (inModule(hit.anchor)) trace.push({ range: hit.anchor!, file, message: `used here, in ${display}` });
  return { range, ...(anchor ? { anchor } : {}), captures: hit.captures, ...(fixes.length > 0 ? { fixes } : {}), trace };
}

interface InstanceFile {
  model: TfModule;
  /** Absolute path of the module file. */
  file: string;
  /** The line where the caller's text starts in the model's text. */
  callerLine: number;
  /** Whether its text names a passed argument (`var.<name>`) or a local. */
  reads: boolean;
}

/** The module's files as the call instantiates them: its arguments bound, its blocks addressed `module.<name>.…`. */
function instantiate(caller: TfModule, call: TfBlock, folder: ImportedFolder<TfModule>): InstanceFile[] {
  const files = folder.files;
  const offset = Math.max(...files.map((f) => f.model.file.text.length)) + 1;
  const bound = new Map<string, Value>();
  for (const a of call.block.body.attributes) if (!META.has(a.name)) bound.set(a.name, rebase(caller.value(a), offset));
  const defaults = new Map<string, HclAttribute | undefined>();
  const locals = new Map<string, HclAttribute>();
  for (const f of files) {
    for (const b of f.model.file.body.blocks) {
      if (b.type === 'variable' && b.labels[0] !== undefined) defaults.set(b.labels[0], b.body.attributes.find((a) => a.name === 'default'));
      else if (b.type === 'locals') for (const a of b.body.attributes) locals.set(a.name, a);
    }
  }
  const values = new Map<HclAttribute, Value>();
  const resolving = new Set<HclAttribute>();
  const valueOf = (attr: HclAttribute): Value | undefined => {
    const known = values.get(attr);
    if (known) return known;
    if (resolving.has(attr)) return undefined; // a cycle of locals
    resolving.add(attr);
    try {
      const v = evaluate(attr.expr, scope);
      values.set(attr, v);
      return v;
    } finally {
      resolving.delete(attr);
    }
  };
  const scope: Scope = {
    reference(root, name, span) {
      const key = `${root}.${name}`;
      if (root === 'var') {
        const passed = bound.get(name);
        if (passed) return at(passed, span, key);
        const d = defaults.get(name);
        const v = d ? valueOf(d) : undefined;
        return v ? at(v, span, key) : undefined;
      }
      if (root === 'local') {
        const l = locals.get(name);
        const v = l ? valueOf(l) : undefined;
        return v ? at(v, span, key) : undefined;
      }
      return undefined;
    },
  };
  const names = [...bound.keys()].map((n) => n.replace(/[^\w-]/g, '')).filter((n) => n !== '');
  const naming = names.length > 0 ? new RegExp(`\\b(?:var\\.(?:${names.join('|')})\\b|local\\.)`) : undefined;
  const prefix = `${call.address}.`;
  const made = files.map((f) => {
    const own = f.model.file;
    const text = own.text + '\n'.repeat(offset - own.text.length) + caller.file.text;
    const hcl: HclFile = { text, body: own.body, lineStarts: lineStartsOf(text), hasErrors: own.hasErrors };
    return { model: moduleOf(hcl, [], { prefix, scope }), file: f.path, callerLine: positionAt(hcl, offset).line, reads: !!naming && naming.test(own.text) };
  });
  // Each file sees the others' resources (a bucket's public access block in another file of the module).
  const facts = made.map((m) => factsOf(m.model));
  for (const [i, m] of made.entries()) m.model.folder = facts.filter((_, j) => j !== i);
  return made;
}
