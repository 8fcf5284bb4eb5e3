/**
 * pom.xml: the `<dependency>` elements of `<dependencies>` and `<dependencyManagement>`
 * (profiles too; plugins' own dependencies are build tools, not the application's) with a
 * literal version or a `${property}` defined in the same pom (`<properties>`,
 * `${project.version}`) or in a parent pom in the same checkout (a multi-module build's root,
 * which also sets the versions of its modules' dependencies in `<dependencyManagement>`).
 * Versions that come from a BOM or a parent from a repository are not known here and are
 * counted in a notice; ranges (`[1.0,2.0)`) are skipped.
 */
import type { Range } from '../../engine/finding';
import type { Dependency, ManifestContext, ParsedManifest } from '../dependency';
import { ManifestError } from '../dependency';
import { posix } from 'node:path';
import { LineIndex } from '../textPositions';

interface Leaf {
  text: string;
  start: number;
  end: number;
}

interface Element {
  name: string;
  path: string;
  /** Offset where its content starts. */
  contentStart: number;
  hasChildren: boolean;
  leaves: Map<string, Leaf>;
}

const TAG = /<(\/?)([A-Za-z_][\w.\-:]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;

function decodeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

const DEPENDENCY_PARENTS = /^project(?:\/profiles\/profile)?(?:\/dependencyManagement)?\/dependencies\/dependency$/;
/** Parent poms followed up the checkout (Maven's own limit is far higher; real chains are 1 to 3). */
const MAX_PARENTS = 5;

interface FoundDependency {
  g?: Leaf;
  a?: Leaf;
  v?: Leaf;
  /** Declared in `<dependencyManagement>`: a version for others, not a dependency itself. */
  managed: boolean;
}

interface Pom {
  properties: Map<string, Leaf>;
  found: FoundDependency[];
  artifactId?: string;
  /** `<parent>`: its artifactId and where its pom is (`../pom.xml` unless said; none for `<relativePath/>`). */
  parent?: { artifactId?: string; relativePath?: string };
}

function readPom(text: string, file: string): { pom: Pom; index: LineIndex } {
  if (!/<project[\s>]/.test(text)) throw new ManifestError(`${file}: not a Maven pom (no <project> element)`);
  // Comments and CDATA blanked with spaces: offsets stay where they were.
  const clean = text.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  const index = new LineIndex(text);
  const stack: Element[] = [];
  const pom: Pom = { properties: new Map(), found: [] };
  for (const m of clean.matchAll(TAG)) {
    const [whole, closing, name, , selfClosing] = m;
    const at = m.index!;
    if (!closing) {
      if (stack.length > 0) stack[stack.length - 1]!.hasChildren = true;
      const path = stack.length > 0 ? `${stack[stack.length - 1]!.path}/${name}` : name!;
      if (path === 'project/parent') pom.parent ??= {};
      if (selfClosing) {
        if (path === 'project/parent/relativePath') pom.parent!.relativePath = '';
        continue;
      }
      stack.push({ name: name!, path, contentStart: at + whole.length, hasChildren: false, leaves: new Map() });
      continue;
    }
    const el = stack.pop();
    if (!el || el.name !== name) throw new ManifestError(`${file}: badly nested XML near line ${index.position(at).line + 1}`);
    const parent = stack[stack.length - 1];
    if (!el.hasChildren) {
      const raw = clean.slice(el.contentStart, at);
      const lead = raw.length - raw.trimStart().length;
      const leaf = { text: decodeXml(raw.trim()), start: el.contentStart + lead, end: el.contentStart + lead + raw.trim().length };
      parent?.leaves.set(el.name, leaf);
      if (parent?.path === 'project/properties') pom.properties.set(el.name, leaf);
      if (el.path === 'project/version') pom.properties.set('project.version', leaf);
      if (el.path === 'project/artifactId') pom.artifactId = leaf.text;
      if (el.path === 'project/parent/version') pom.properties.set('project.parent.version', leaf);
      if (el.path === 'project/parent/artifactId') pom.parent!.artifactId = leaf.text;
      if (el.path === 'project/parent/relativePath') pom.parent!.relativePath = leaf.text;
    }
    if (DEPENDENCY_PARENTS.test(el.path)) pom.found.push({ g: el.leaves.get('groupId'), a: el.leaves.get('artifactId'), v: el.leaves.get('version'), managed: el.path.includes('/dependencyManagement/') });
  }
  if (!pom.properties.has('project.version') && pom.properties.has('project.parent.version')) pom.properties.set('project.version', pom.properties.get('project.parent.version')!);
  return { pom, index };
}

/**
 * The parent poms in this checkout, nearest first, as paths relative to the pom and their
 * contents: `<relativePath>` (a folder means its pom.xml), `../pom.xml` when not given; the
 * chain stops at a pom that is not the parent named (another project's, or none).
 */
function parentChain(pom: Pom, read: (relative: string) => string | undefined): { rel: string; pom: Pom }[] {
  const chain: { rel: string; pom: Pom }[] = [];
  let child = pom;
  let base = '.';
  for (let i = 0; i < MAX_PARENTS && child.parent && child.parent.relativePath !== ''; i++) {
    const written = child.parent.relativePath ?? '../pom.xml';
    const rel = posix.normalize(posix.join(base, written.endsWith('.xml') ? written : posix.join(written, 'pom.xml')));
    const text = read(rel);
    if (text === undefined) break;
    let parent: Pom;
    try {
      parent = readPom(text, rel).pom;
    } catch {
      break;
    }
    if (!child.parent.artifactId || parent.artifactId !== child.parent.artifactId) break;
    chain.push({ rel, pom: parent });
    child = parent;
    base = posix.dirname(rel);
  }
  return chain;
}

/** The parent poms a pom.xml's findings depend on (ManifestKind.companions). */
export function pomParents(text: string, read: (relative: string) => string | undefined): string[] {
  try {
    return parentChain(readPom(text, 'pom.xml').pom, read).map((p) => p.rel);
  } catch {
    return [];
  }
}

export function parsePom(text: string, ctx: ManifestContext): ParsedManifest {
  const { pom, index } = readPom(text, ctx.path);
  const chain = parentChain(pom, (rel) => ctx.readRelative(rel));
  // Properties: this pom's over its parents' (Maven interpolates after inheritance). Only this
  // pom's own carry a place in this file, for the fix.
  const properties = new Map<string, { text: string; leaf?: Leaf }>();
  for (const p of [...chain].reverse()) for (const [k, l] of p.pom.properties) if (!k.startsWith('project.')) properties.set(k, { text: l.text });
  for (const [k, l] of pom.properties) properties.set(k, { text: l.text, leaf: l });
  const resolve = (leaf: { text: string; leaf?: Leaf }): { value: string; at?: Leaf } | undefined => {
    let value = leaf.text;
    let at: Leaf | undefined = leaf.leaf;
    for (let i = 0; i < 5 && /\$\{/.test(value); i++) {
      const whole = /^\$\{([^}]+)\}$/.exec(value);
      const prop = whole ? properties.get(whole[1]!) : undefined;
      if (!prop) return undefined;
      value = prop.text;
      // The fix edits the property, unless it is the project's own version.
      at = whole![1]!.startsWith('project.') ? undefined : prop.leaf;
    }
    return /\$\{/.test(value) ? undefined : { value, at };
  };
  const nameOf = (d: FoundDependency): string => `${resolve({ text: d.g!.text, leaf: d.g })?.value ?? d.g!.text}:${d.a!.text}`;
  // Versions the parents' <dependencyManagement> set (nearest parent first), and this pom's own.
  const managedAbove = new Map<string, string>();
  for (const p of chain) for (const d of p.pom.found) if (d.managed && d.g && d.a && d.v && !managedAbove.has(nameOf(d))) managedAbove.set(nameOf(d), d.v.text);
  const managedHere = new Set(pom.found.filter((d) => d.managed && d.g && d.a && d.v).map(nameOf));
  const dependencies: Dependency[] = [];
  let unresolved = 0;
  for (const d of pom.found) {
    if (!d.g || !d.a) continue;
    const name = nameOf(d);
    // Versionless and managed in this pom: reported on that entry, with its fix.
    if (!d.v && managedHere.has(name)) continue;
    const inherited = d.v ? undefined : managedAbove.get(name);
    const v = d.v ? resolve({ text: d.v.text, leaf: d.v }) : inherited === undefined ? undefined : resolve({ text: inherited });
    if (!v || /^[[(]/.test(v.value)) {
      unresolved++;
      continue;
    }
    // A version from a parent pom is reported here, where the dependency is, without a fix in this file.
    const versionSpec = d.v && v.at ? { range: index.range(v.at.start, v.at.end) as Range, text: v.value } : undefined;
    dependencies.push({ ecosystem: 'Maven', name, version: v.value, direct: true, path: [name], range: index.range(d.a.start, d.a.end), versionSpec });
  }
  const notices = unresolved > 0 ? [`${unresolved} dependenc${unresolved === 1 ? 'y has' : 'ies have'} no version written in this pom or its parent poms in this checkout (a BOM, a parent from a repository or a range sets it); check them in gradle.lockfile or with mvn dependency:tree`] : [];
  return { dependencies, notices };
}

/** gradle.lockfile: `group:artifact:version=configurations`, every resolved module. */
export function parseGradleLockfile(text: string): ParsedManifest {
  const index = new LineIndex(text);
  const dependencies: Dependency[] = [];
  text.split('\n').forEach((raw, line) => {
    const m = /^\s*([^#:\s=]+):([^:\s=]+):([^:\s=]+)\s*=/.exec(raw);
    if (!m) return;
    const name = `${m[1]}:${m[2]}`;
    dependencies.push({ ecosystem: 'Maven', name, version: m[3]!, direct: undefined, path: [name], range: index.lineRange(line) });
  });
  return { dependencies, notices: [] };
}
