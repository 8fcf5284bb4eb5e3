/**
 * `fs.readFile(path.join(ROOT, name))` → `path.join(ROOT, path.basename(name))`: the file
 * stays inside ROOT. Offered only for a join whose last part is the one variable part and
 * whose other parts are constants, names or members. The pack names its joining calls and
 * writes the basename call on the module the file already uses (`path`, `os.path`).
 */
import type { FileContext } from '../engine/fileContext';
import { nodeRange } from '../engine/fileContext';
import type { Fix } from '../engine/finding';
import type { FixEntry } from '../languages/packFixes';
import type { SinkHit } from '../taint/context';

export interface BasenameSyntax {
  /** Calls that join path parts (import-resolved names). */
  joins: ReadonlySet<string>;
  /** The base name of `value` through the path module the join was called on. */
  basename(module: string, value: string): string;
}

export function basenameFix(ctx: FileContext, hit: SinkHit, syntax: BasenameSyntax, entry: FixEntry): Fix | undefined {
  const { adapter, bindings, syntax: syn } = ctx;
  const arg = hit.arg;
  if (!arg || syn.kind(arg) !== 'call') return undefined;
  const callee = adapter.callee(arg);
  const qualified = callee ? adapter.qualify(callee, bindings) : null;
  if (!qualified || !syntax.joins.has(qualified)) return undefined;
  const parts = adapter.positionalArgs(arg);
  const last = parts[parts.length - 1];
  if (parts.length < 2 || !last || adapter.constantValue(last, bindings) !== undefined) return undefined;
  if (parts.slice(0, -1).some((p) => adapter.constantValue(p, bindings) === undefined && syn.kind(p) !== 'name' && syn.kind(p) !== 'member')) return undefined;
  // The module's local name, as the file already uses it (`path`, `os.path`).
  const base = syn.kind(callee!) === 'member' ? syn.child(callee!, 'object')!.text : undefined;
  if (!base) return undefined;
  return { title: entry.title, preferred: true, edits: [{ range: nodeRange(last), newText: syntax.basename(base, last.text) }] };
}
