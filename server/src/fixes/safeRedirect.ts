/**
 * An open redirect becomes a redirect through a small allow-list helper (same-site paths
 * only), added once at the end of the file. The analysis knows the helper by its body, not
 * its name (taint/sitePathGuard.ts: a value checked to start with `/` and not `//`, `/\`,
 * `/<tab>`, … is clean for redirects), so a function that merely has this name is used only
 * when the file's summaries show it lets nothing else through. The pack names and writes
 * the helper.
 */
import type { FileContext } from '../engine/fileContext';
import { nodeRange } from '../engine/fileContext';
import type { Fix, Position } from '../engine/finding';
import type { FixEntry } from '../languages/packFixes';
import type { SinkHit, Summary } from '../taint/context';
import { flatten, Piece } from './pieces';
import { isInsideFunction } from './placement';

export interface RedirectHelper {
  name: string;
  /** The helper's source, with the blank lines before it. */
  text(ctx: FileContext): string;
  /** A function defined at the end of the file can be called from module-level code above it. */
  hoistsFunctions: boolean;
}

interface FileEnds {
  /** The text has `name` as a word. */
  mentions(name: string): boolean;
  /** Where the last non-blank character ends. */
  endOfCode(): Position;
  endOfFile(): Position;
}

const endsOf = new WeakMap<FileContext, FileEnds>();

/**
 * What the fix reads from the whole file, computed once per file: a file can have thousands
 * of findings, and reading the text per fix made it quadratic (14 s of fixes on a 2 MB file).
 */
export function fileEnds(ctx: FileContext): FileEnds {
  let ends = endsOf.get(ctx);
  if (ends) return ends;
  const mentioned = new Map<string, boolean>();
  let code: Position | undefined;
  ends = {
    mentions: (name) => {
      let m = mentioned.get(name);
      if (m === undefined) mentioned.set(name, (m = new RegExp(`\\b${name}\\b`).test(ctx.text)));
      return m;
    },
    endOfCode: () => {
      if (!code) {
        const trimmed = ctx.text.replace(/\s+$/, '');
        const lastBreak = trimmed.lastIndexOf('\n');
        let line = 0;
        for (let i = trimmed.indexOf('\n'); i !== -1; i = trimmed.indexOf('\n', i + 1)) line++;
        code = { line, character: trimmed.length - lastBreak - 1 };
      }
      return code;
    },
    endOfFile: () => {
      const end = ctx.tree.rootNode.endPosition;
      return { line: end.row, character: end.column };
    },
  };
  endsOf.set(ctx, ends);
  return ends;
}

export function safeRedirectFix(ctx: FileContext, hit: SinkHit, helper: RedirectHelper, entry: FixEntry, local?: ReadonlyMap<string, Summary>): Fix | undefined {
  const kind = ctx.syntax.kind(hit.node);
  // `location.href = next`: the assigned value is the destination.
  const arg = kind === 'assign' ? ctx.syntax.child(hit.node, 'right') : hit.arg;
  if (!arg || (kind !== 'call' && kind !== 'assign')) return undefined;
  if (!helper.hoistsFunctions && !isInsideFunction(ctx, hit.node)) return undefined;
  // A URL built on a fixed absolute prefix would always be turned away by the helper.
  const pieces: Piece[] = [];
  if (flatten(ctx, arg, pieces) && 'text' in pieces[0]! && /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(pieces[0].text)) return undefined;
  const name = helper.name;
  const ends = fileEnds(ctx);
  const taken = ends.mentions(name);
  if (taken && !local?.get(name)?.returnCleanFor?.get(0)?.includes('redirect')) return undefined;
  const edits = [{ range: nodeRange(arg), newText: `${name}(${arg.text})` }];
  if (!taken) edits.push({ range: { start: ends.endOfCode(), end: ends.endOfFile() }, newText: helper.text(ctx) });
  return { title: entry.title, preferred: true, edits };
}
