/**
 * go.mod (`require` lines, `// indirect` marking the transitive ones since Go 1.17, and
 * `replace` directives, which change the module and version the build uses) and go.sum
 * (every module version whose code or go.mod was downloaded; with a go.mod beside it only
 * the versions go.mod selects are reported, as the rest are not built).
 */
import type { Dependency, ManifestContext, ParsedManifest } from '../dependency';
import { LineIndex } from '../textPositions';

interface Require {
  module: string;
  version: string;
  indirect: boolean;
  line: number;
  versionAt: number;
}

interface GoMod {
  requires: Require[];
  /** module (or module@version) → replacement module and version, or null for a local folder. */
  replaces: Map<string, { module: string; version: string } | null>;
}

function readGoMod(text: string): GoMod {
  const requires: Require[] = [];
  const replaces = new Map<string, { module: string; version: string } | null>();
  let block: string | undefined;
  let offset = 0;
  text.split('\n').forEach((raw, line) => {
    const lineOffset = offset;
    offset += raw.length + 1;
    const code = raw.replace(/\/\/.*$/, '').trim();
    const indirect = /\/\/\s*indirect\b/.test(raw);
    if (block && code === ')') {
      block = undefined;
      return;
    }
    const opening = /^(require|replace|exclude|retract)\s*\($/.exec(code);
    if (opening) {
      block = opening[1];
      return;
    }
    const single = /^(require|replace|exclude|retract)\s+(.*)$/.exec(code);
    const kind = block ?? single?.[1];
    const body = block ? code : single?.[2];
    if (!kind || !body) return;
    if (kind === 'require') {
      const m = /^(\S+)\s+(v\S+)$/.exec(body);
      if (m) requires.push({ module: m[1]!, version: m[2]!, indirect, line, versionAt: lineOffset + raw.indexOf(m[2]!, raw.indexOf(m[1]!) + m[1]!.length) });
    } else if (kind === 'replace') {
      const m = /^(\S+)(?:\s+(v\S+))?\s+=>\s+(\S+)(?:\s+(v\S+))?$/.exec(body);
      if (m) replaces.set(m[2] ? `${m[1]}@${m[2]}` : m[1]!, m[4] ? { module: m[3]!, version: m[4] } : null);
    }
  });
  return { requires, replaces };
}

/** The module and version a require builds with, after `replace`; undefined for a local replacement. */
function effective(mod: GoMod, module: string, version: string): { module: string; version: string } | undefined {
  const r = mod.replaces.has(`${module}@${version}`) ? mod.replaces.get(`${module}@${version}`) : mod.replaces.has(module) ? mod.replaces.get(module) : { module, version };
  return r ?? undefined;
}

export function parseGoMod(text: string): ParsedManifest {
  const index = new LineIndex(text);
  const mod = readGoMod(text);
  const dependencies: Dependency[] = [];
  for (const r of mod.requires) {
    const e = effective(mod, r.module, r.version);
    if (!e) continue;
    const replaced = e.module !== r.module || e.version !== r.version;
    dependencies.push({
      ecosystem: 'Go',
      name: e.module,
      version: e.version,
      direct: !r.indirect,
      path: [e.module],
      range: index.lineRange(r.line),
      versionSpec: replaced ? undefined : { range: index.range(r.versionAt, r.versionAt + r.version.length), text: r.version },
    });
  }
  return { dependencies, notices: [] };
}

export function parseGoSum(text: string, ctx: ManifestContext): ParsedManifest {
  const index = new LineIndex(text);
  const goModText = ctx.readRelative('go.mod');
  const mod = goModText !== undefined ? readGoMod(goModText) : undefined;
  const selected = mod ? new Map(mod.requires.map((r) => [effective(mod, r.module, r.version), r] as const).filter(([e]) => !!e).map(([e, r]) => [`${e!.module}@${e!.version}`, r])) : undefined;
  const dependencies: Dependency[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, line) => {
    const m = /^(\S+)\s+(v[^\s/]+)(\/go\.mod)?\s+h1:/.exec(raw);
    if (!m) return;
    const id = `${m[1]}@${m[2]}`;
    if (seen.has(id)) return;
    // Without go.mod, only modules whose code was downloaded (not just their go.mod).
    if (selected ? !selected.has(id) : m[3]) return;
    seen.add(id);
    const req = selected?.get(id);
    dependencies.push({ ecosystem: 'Go', name: m[1]!, version: m[2]!, direct: req ? !req.indirect : undefined, path: [m[1]!], range: index.lineRange(line) });
  });
  return { dependencies, notices: [] };
}
