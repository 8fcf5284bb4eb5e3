/**
 * pip requirements files: `name==1.2.3` pins (with extras, environment markers, `\`
 * continuations and `--hash` options), `-r other.txt` / `-c constraints.txt` includes
 * (read relative to the file, reported on the include line), and what cannot be pinned
 * down (`name>=1.0`, URLs, `-e`) skipped with a count in a notice.
 */
import type { Dependency, ManifestContext, ParsedManifest } from '../dependency';
import { LineIndex } from '../textPositions';
import type { Range } from '../../engine/finding';

const PIN = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*===?\s*([A-Za-z0-9!+_.*-]+)\s*(?:;.*)?$/;
const NAME_ONLY = /^[A-Za-z0-9][A-Za-z0-9._-]*/;
const MAX_INCLUDE_DEPTH = 8;
const INCLUDE = /^(?:-r|--requirement|-c|--constraint)(?:\s+|=)(\S+)/;

interface LogicalLine {
  text: string;
  line: number;
  /** Offset of `text`'s first character in the file. */
  offset: number;
}

/** Joins `\` continuations, drops comments (` #` or a line starting with #), keeps the first physical line's number. */
function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  const physical = text.split('\n');
  let offset = 0;
  for (let i = 0; i < physical.length; i++) {
    const start = offset;
    const first = i;
    let joined = '';
    for (;;) {
      const raw = physical[i]!.replace(/\r$/, '');
      offset += physical[i]!.length + 1;
      if (raw.endsWith('\\') && i + 1 < physical.length) {
        joined += `${raw.slice(0, -1)} `;
        i++;
        continue;
      }
      joined += raw;
      break;
    }
    const noComment = joined.replace(/(^|\s)#.*$/, '');
    const lead = noComment.length - noComment.trimStart().length;
    out.push({ text: noComment.trim(), line: first, offset: start + lead });
  }
  return out;
}

export function parseRequirements(text: string, ctx: ManifestContext, depth = 0, seen = new Set<string>([ctx.path])): ParsedManifest {
  const index = new LineIndex(text);
  const dependencies: Dependency[] = [];
  const notices: string[] = [];
  let unpinned = 0;
  for (const l of logicalLines(text)) {
    if (l.text === '') continue;
    const include = INCLUDE.exec(l.text);
    if (include) {
      const rel = include[1]!;
      const includeRange = index.lineRange(l.line);
      if (depth >= MAX_INCLUDE_DEPTH || seen.has(rel)) continue;
      const included = ctx.readRelative(rel);
      if (included === undefined) {
        notices.push(`${rel} (included on line ${l.line + 1}) cannot be read; its packages were not checked`);
        continue;
      }
      const sub = parseRequirements(included, { path: rel, readRelative: (p) => ctx.readRelative(joinRelative(rel, p)) }, depth + 1, new Set([...seen, rel]));
      // Packages of an included file are reported on the include line.
      for (const d of sub.dependencies) dependencies.push({ ...d, range: includeRange, versionSpec: undefined, path: d.path });
      notices.push(...sub.notices);
      continue;
    }
    if (l.text.startsWith('-')) continue; // --index-url, -e, --hash on its own line…
    const spec = l.text.replace(/\s--hash[=\s]\S+/g, '').replace(/\s--\S+(?:[=\s]\S+)?/g, '').trim();
    const m = PIN.exec(spec);
    if (!m || m[3]!.includes('*')) {
      if (NAME_ONLY.test(spec) && !/^[a-z+]+:\/\//i.test(spec)) unpinned++;
      continue;
    }
    const name = m[1]!;
    const version = m[3]!;
    const at = l.offset + l.text.indexOf(version, l.text.indexOf('='));
    const versionRange: Range = index.range(at, at + version.length);
    dependencies.push({ ecosystem: 'PyPI', name, version, direct: true, path: [name], range: index.lineRange(l.line), versionSpec: { range: versionRange, text: version } });
  }
  if (unpinned > 0) notices.push(`${unpinned} requirement${unpinned === 1 ? ' is' : 's are'} not pinned with ==; only pinned versions are checked (pin them, e.g. with pip-compile)`);
  return { dependencies, notices };
}

/**
 * The files a requirements file includes (`-r`, `-c`), directly or through its includes,
 * relative to it: the ones its parse reads (missing ones too: a file created later counts).
 */
export function requirementIncludes(text: string, read: (rel: string) => string | undefined): string[] {
  const asked = new Set<string>();
  parseRequirements(text, {
    path: '',
    readRelative: (rel) => {
      asked.add(rel);
      return read(rel);
    },
  });
  return [...asked];
}

function joinRelative(base: string, rel: string): string {
  if (rel.startsWith('/')) return rel;
  const dir = base.includes('/') ? base.slice(0, base.lastIndexOf('/') + 1) : '';
  return `${dir}${rel}`;
}
