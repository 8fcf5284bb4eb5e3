/**
 * Fix renderer: adding an import to a Go file as gofmt leaves it — inside the file's
 * `import ( … )` block, in sorted order within the standard library group, or a new
 * `import "path"` line after the package clause.
 */
import type { ImportInsertion } from '../syntax';

/** The import paths a file names (any local name), with where each block is. */
function importBlock(text: string): { open: number; close: number } | undefined {
  const m = /^import\s*\(/m.exec(text);
  if (!m) return undefined;
  const open = m.index + m[0].length;
  const close = text.indexOf(')', open);
  return close < 0 ? undefined : { open, close };
}

export function importsPath(text: string, path: string): boolean {
  const quoted = `"${path}"`;
  return new RegExp(`^\\s*(?:import\\s+)?(?:[\\w.]+\\s+)?${quoted.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\s*$`, 'm').test(text);
}

const isStd = (p: string): boolean => !p.split('/')[0]!.includes('.');

/** Where and what to insert so `path` is imported; null when the file imports it already, undefined when it cannot tell. */
export function importLine(path: string, text: string): ImportInsertion | null | undefined {
  if (importsPath(text, path)) return null;
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const block = importBlock(text);
  if (block) {
    // Lines of the block with their offsets; a blank line separates groups.
    const lines: { at: number; path?: string; blank: boolean }[] = [];
    let at = text.indexOf('\n', block.open) + 1;
    if (at <= 0 || at > block.close) return undefined;
    while (at < block.close) {
      const end = text.indexOf('\n', at);
      const line = text.slice(at, end < 0 ? block.close : end);
      const m = /^\s*(?:[\w.]+\s+)?"([^"]+)"/.exec(line);
      lines.push({ at, path: m?.[1], blank: line.trim() === '' });
      if (end < 0) break;
      at = end + 1;
    }
    const std = isStd(path);
    // The group of the same kind (standard library or not), else a new group.
    let groupStart = -1;
    for (let i = 0; i < lines.length; i++) {
      const p = lines[i]!.path;
      if (p !== undefined && isStd(p) === std) {
        groupStart = i;
        break;
      }
    }
    if (groupStart < 0) {
      const first = lines.find((l) => l.path !== undefined);
      if (!first) return { offset: block.close, text: `\t"${path}"${nl}` };
      return std ? { offset: first.at, text: `\t"${path}"${nl}${nl}` } : { offset: block.close, text: `${nl}\t"${path}"${nl}` };
    }
    let i = groupStart;
    for (; i < lines.length && !lines[i]!.blank; i++) {
      const p = lines[i]!.path;
      if (p !== undefined && p > path) return { offset: lines[i]!.at, text: `\t"${path}"${nl}` };
    }
    const after = i < lines.length ? lines[i]!.at : block.close;
    return { offset: after, text: `\t"${path}"${nl}` };
  }
  const single = /^import\s+(?:[\w.]+\s+)?"[^"]*"[^\n]*\n/m.exec(text);
  if (single) return { offset: single.index, text: `import "${path}"${nl}` };
  const pkg = /^package\s+\w+[^\n]*\n/m.exec(text);
  if (!pkg) return undefined;
  return { offset: pkg.index + pkg[0].length, text: `${nl}import "${path}"${nl}` };
}
