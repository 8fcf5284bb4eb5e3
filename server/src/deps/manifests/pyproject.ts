/**
 * pyproject.toml: the project's declared dependencies (PEP 621 `[project]` dependencies and
 * optional-dependencies, PEP 735 `[dependency-groups]`, Poetry's dependency tables) with the
 * versions its lockfile resolved: poetry.lock beside it, or uv.lock beside it or at the root
 * of its uv workspace, when that lists the folder. A vulnerable direct dependency is reported
 * on its line with the upgrade fix, a transitive one on the line of the direct dependency that
 * brings it in. Without a lockfile only exact pins (`==1.2.3`, Poetry's bare `1.2.3`) are
 * known; a library does not lock its ranges, so there is no notice about them.
 */
import { parse } from 'smol-toml';
import type { Range } from '../../engine/finding';
import type { Dependency, ManifestContext, ParsedManifest } from '../dependency';
import { ManifestError, NotInLockfile } from '../dependency';
import { packageKey } from '../ecosystem';
import { LineIndex } from '../textPositions';
import { folderBelow, lockfileCandidates, nearestLockfile, up } from './ancestorLockfiles';
import { parsePoetryLock, parseUvLock } from './pythonLocks';
import { declaredIn, DeclaredString } from './tomlDeclarations';

interface Declared {
  name: string;
  line: number;
  /** The version the fix rewrites (the first of `>=`, `==`, `~=`, `^`, `~` or a bare one), with its place. */
  version?: { text: string; offset: number };
  /** The version when the spec pins exactly one. */
  exact?: string;
}

const key = (name: string): string => packageKey('PyPI', name);

const VERSION = /\d+(?:\.\d+)*(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview|post|rev|r|dev)\.?\d*)*(?:\+[A-Za-z0-9.]+)?/;

/** The version inside a specifier list (`>=3.2.4,<4`, `^3.2`, `3.2.4`), and whether it is an exact pin. */
function readSpec(spec: string, offset: number, bareIsExact: boolean): Pick<Declared, 'version' | 'exact'> {
  const clauses = spec.split(',');
  let at = 0;
  let version: Declared['version'];
  for (const clause of clauses) {
    const m = /^(\s*)(===|==|~=|>=|\^|~|)(\s*)/.exec(clause)!;
    const rest = clause.slice(m[0].length);
    const v = VERSION.exec(rest);
    if (v && v.index === 0 && !rest.slice(v[0].length).trim().startsWith('*') && (m[2] !== '' || bareIsExact)) {
      version = { text: v[0], offset: offset + at + m[0].length };
      break;
    }
    at += clause.length + 1;
  }
  const only = clauses.length === 1 ? /^\s*(===|==|)\s*([^\s*]+)\s*$/.exec(spec) : null;
  const exact = only && (only[1] !== '' || bareIsExact) && version && only[2] === version.text ? version.text : undefined;
  return { version, exact };
}

/** A PEP 508 string: name, extras, specifiers up to a marker or URL. */
function fromRequirement(s: DeclaredString, lines: LineIndex): Declared | undefined {
  const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*/.exec(s.value);
  if (!m) return undefined;
  const rest = s.value.slice(m[0].length);
  if (rest.startsWith('@')) return { name: m[1]!, line: lines.position(s.offset).line };
  const spec = rest.split(';')[0]!.replace(/^\(|\)\s*$/g, '');
  const specOffset = s.offset + m[0].length + (rest.startsWith('(') ? 1 : 0);
  return { name: m[1]!, line: lines.position(s.offset).line, ...readSpec(spec, specOffset, false) };
}

function declaredDependencies(text: string, file: string): Map<string, Declared> {
  try {
    parse(text);
  } catch (err) {
    throw new ManifestError(`${file}: not valid TOML (${(err as Error).message.split('\n')[0]})`);
  }
  const lines = new LineIndex(text);
  const out = new Map<string, Declared>();
  const add = (d: Declared | undefined): void => {
    if (d && d.name.toLowerCase() !== 'python' && !out.has(key(d.name))) out.set(key(d.name), d);
  };
  for (const found of declaredIn(text)) {
    if (found.kind === 'requirement') add(fromRequirement(found.value, lines));
    else {
      const { name, nameOffset, spec } = found;
      add({ name, line: lines.position(nameOffset).line, ...(spec ? readSpec(spec.value, spec.offset, true) : {}) });
    }
  }
  return out;
}

/** The lockfiles that may resolve a pyproject.toml: poetry.lock beside it, or the nearest uv.lock. */
export function pyprojectLockfiles(read: (relative: string) => string | undefined): string[] {
  return read('poetry.lock') !== undefined ? ['poetry.lock'] : ['poetry.lock', ...lockfileCandidates(['uv.lock'], read)];
}

function locked(ctx: ManifestContext, names: string[]): { parsed?: ParsedManifest; notice?: string } {
  const attempt = (file: string, run: () => ParsedManifest): { parsed?: ParsedManifest; notice?: string } => {
    try {
      return { parsed: run() };
    } catch (err) {
      if (err instanceof NotInLockfile) return {};
      return { notice: `${file} cannot be read (${(err as Error).message}); only exact versions in pyproject.toml were checked` };
    }
  };
  const poetry = ctx.readRelative('poetry.lock');
  if (poetry !== undefined) return attempt('poetry.lock', () => parsePoetryLock(poetry, { path: 'poetry.lock', readRelative: ctx.readRelative }, names));
  const uv = nearestLockfile(['uv.lock'], ctx.readRelative);
  if (!uv) return {};
  const member = uv.level === 0 ? '.' : folderBelow(ctx.folder, uv.level);
  if (member === undefined) return {};
  return attempt(uv.rel, () => parseUvLock(uv.text, { path: uv.rel, readRelative: (r) => ctx.readRelative(up(uv.level) + r) }, member));
}

export function parsePyproject(text: string, ctx: ManifestContext): ParsedManifest {
  const declared = declaredDependencies(text, ctx.path);
  if (declared.size === 0) return { dependencies: [], notices: [] };
  const lines = new LineIndex(text);
  const rangeOf = (d: Declared): Range => lines.lineRange(d.line);
  const specOf = (d: Declared): Dependency['versionSpec'] => (d.version ? { range: lines.range(d.version.offset, d.version.offset + d.version.text.length), text: d.version.text } : undefined);
  const { parsed, notice } = locked(ctx, [...declared.values()].map((d) => d.name));
  const dependencies: Dependency[] = [];
  if (parsed) {
    for (const d of parsed.dependencies) {
      const top = declared.get(key(d.path[0] ?? d.name));
      if (!top || d.direct === undefined) continue;
      const isDirect = d.direct && d.path.length === 1 && key(d.name) === key(top.name);
      // A direct dependency under the name as the project writes it (`Django`; locks normalise it).
      dependencies.push({ ...d, ...(isDirect ? { name: top.name, path: [top.name] } : {}), range: rangeOf(top), versionSpec: isDirect ? specOf(top) : undefined });
    }
    return { dependencies, notices: [] };
  }
  for (const d of declared.values()) {
    if (d.exact) dependencies.push({ ecosystem: 'PyPI', name: d.name, version: d.exact, direct: true, path: [d.name], range: rangeOf(d), versionSpec: specOf(d) });
  }
  return { dependencies, notices: notice ? [notice] : [] };
}
