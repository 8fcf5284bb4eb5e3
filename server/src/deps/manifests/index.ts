/** Which files are manifests or lockfiles (by name), and the parser of each. */
import type { Ecosystem } from '../ecosystem';
import type { ManifestContext, ParsedManifest } from '../dependency';
import { parseGoMod, parseGoSum } from './goModules';
import { npmLockfileCandidates } from './npmLockfile';
import { parsePackageJson } from './packageJson';
import { parsePackageLock } from './packageLock';
import { parsePnpmLock } from './pnpmLock';
import { parseGradleLockfile, parsePom, pomParents } from './pomXml';
import { parsePipfileLock, parsePoetryLock, parseUvLock } from './pythonLocks';
import { parsePyproject, pyprojectLockfiles } from './pyproject';
import { parseRequirements, requirementIncludes } from './requirements';
import { parseYarnLock } from './yarnLock';

export interface ManifestKind {
  ecosystem: Ecosystem;
  /** A lockfile lists resolved versions; a manifest is what people edit (findings there get the upgrade fix). */
  role: 'manifest' | 'lockfile';
  parse(text: string, ctx: ManifestContext): ParsedManifest;
  /**
   * The files beside it (relative paths, whether they exist or not) whose contents decide its
   * findings too: package.json's lockfile, a lockfile's package.json, requirements' includes.
   * A cached result is reused only while they are unchanged.
   */
  companions?(text: string, read: (relative: string) => string | undefined): string[];
}

const PACKAGE_JSON = (): string[] => ['package.json'];

const BY_NAME: Record<string, ManifestKind> = {
  'package.json': { ecosystem: 'npm', role: 'manifest', parse: parsePackageJson, companions: (_, read) => npmLockfileCandidates(read) },
  'package-lock.json': { ecosystem: 'npm', role: 'lockfile', parse: (t, c) => parsePackageLock(t, c, declaredNames(c)), companions: PACKAGE_JSON },
  'npm-shrinkwrap.json': { ecosystem: 'npm', role: 'lockfile', parse: (t, c) => parsePackageLock(t, c, declaredNames(c)), companions: PACKAGE_JSON },
  'yarn.lock': { ecosystem: 'npm', role: 'lockfile', parse: (t, c) => parseYarnLock(t, c, declaredDescriptors(c)), companions: PACKAGE_JSON },
  'pnpm-lock.yaml': { ecosystem: 'npm', role: 'lockfile', parse: parsePnpmLock },
  'poetry.lock': { ecosystem: 'PyPI', role: 'lockfile', parse: (t, c) => parsePoetryLock(t, c), companions: () => ['pyproject.toml'] },
  'Pipfile.lock': { ecosystem: 'PyPI', role: 'lockfile', parse: parsePipfileLock, companions: () => ['Pipfile'] },
  'uv.lock': { ecosystem: 'PyPI', role: 'lockfile', parse: (t, c) => parseUvLock(t, c) },
  'pyproject.toml': { ecosystem: 'PyPI', role: 'manifest', parse: parsePyproject, companions: (_, read) => pyprojectLockfiles(read) },
  'pom.xml': { ecosystem: 'Maven', role: 'manifest', parse: parsePom, companions: pomParents },
  'gradle.lockfile': { ecosystem: 'Maven', role: 'lockfile', parse: (t) => parseGradleLockfile(t) },
  'go.mod': { ecosystem: 'Go', role: 'manifest', parse: (t) => parseGoMod(t) },
  'go.sum': { ecosystem: 'Go', role: 'lockfile', parse: parseGoSum, companions: () => ['go.mod'] },
};

const REQUIREMENTS: ManifestKind = { ecosystem: 'PyPI', role: 'manifest', parse: (t, c) => parseRequirements(t, c), companions: requirementIncludes };

/** The kind of a file by its base name, or undefined when it is none of these. */
export function manifestKind(baseName: string): ManifestKind | undefined {
  if (Object.prototype.hasOwnProperty.call(BY_NAME, baseName)) return BY_NAME[baseName];
  // requirements.txt, requirements-dev.txt, requirements_test.txt, dev-requirements.txt
  if (/^(?:[\w.-]*[-_.])?requirements(?:[-_.][\w.-]*)?\.txt$/i.test(baseName) || /^requirements\.in$/i.test(baseName)) return REQUIREMENTS;
  return undefined;
}

/** package.json's dependency names beside a lockfile (npm v1 lockfiles do not list them). */
function declaredNames(ctx: ManifestContext): string[] | undefined {
  const pkg = readPackageJson(ctx);
  return pkg ? Object.keys(pkg) : undefined;
}

function declaredDescriptors(ctx: ManifestContext): string[] | undefined {
  const pkg = readPackageJson(ctx);
  return pkg ? Object.entries(pkg).map(([n, spec]) => `${n}@${spec}`) : undefined;
}

function readPackageJson(ctx: ManifestContext): Record<string, string> | undefined {
  const text = ctx.readRelative('package.json');
  if (text === undefined) return undefined;
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    const out: Record<string, string> = {};
    for (const section of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      const deps = raw[section];
      if (deps && typeof deps === 'object') for (const [n, v] of Object.entries(deps)) if (typeof v === 'string' && !(n in out)) out[n] = v;
    }
    return out;
  } catch {
    return undefined;
  }
}
