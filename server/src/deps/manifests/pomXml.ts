/**
 * pom.xml: the `<dependency>` elements of `<dependencies>` and `<dependencyManagement>`
 * (profiles too; plugins' own dependencies are build tools, not the application's) with a
 * literal version or a `${property}` defined in the same pom (`<properties>`,
 * `${project.version}`). Versions that come from a parent or a BOM are not known here and
 * are counted in a notice; ranges (`[1.0,2.0)`) are skipped.
 */
import type { Range } from '../../engine/finding';
import type { Dependency, ManifestContext, ParsedManifest } from '../dependency';
import { ManifestError } from '../dependency';
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

export function parsePom(text: string, ctx: ManifestContext): ParsedManifest {
  if (!/<project[\s>]/.test(text)) throw new ManifestError(`${ctx.path}: not a Maven pom (no <project> element)`);
  // Comments and CDATA blanked with spaces: offsets stay where they were.
  const clean = text.replace(/<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  const index = new LineIndex(text);
  const stack: Element[] = [];
  const properties = new Map<string, Leaf>();
  const found: { g?: Leaf; a?: Leaf; v?: Leaf; start: number }[] = [];
  for (const m of clean.matchAll(TAG)) {
    const [whole, closing, name, , selfClosing] = m;
    const at = m.index!;
    if (!closing) {
      if (stack.length > 0) stack[stack.length - 1]!.hasChildren = true;
      const path = stack.length > 0 ? `${stack[stack.length - 1]!.path}/${name}` : name!;
      if (selfClosing) continue;
      stack.push({ name: name!, path, contentStart: at + whole.length, hasChildren: false, leaves: new Map() });
      continue;
    }
    const el = stack.pop();
    if (!el || el.name !== name) throw new ManifestError(`${ctx.path}: badly nested XML near line ${index.position(at).line + 1}`);
    const parent = stack[stack.length - 1];
    if (!el.hasChildren) {
      const raw = clean.slice(el.contentStart, at);
      const lead = raw.length - raw.trimStart().length;
      const leaf = { text: decodeXml(raw.trim()), start: el.contentStart + lead, end: el.contentStart + lead + raw.trim().length };
      parent?.leaves.set(el.name, leaf);
      if (parent?.path === 'project/properties') properties.set(el.name, leaf);
      if (el.path === 'project/version') properties.set('project.version', leaf);
      if (el.path === 'project/parent/version') properties.set('project.parent.version', leaf);
    }
    if (DEPENDENCY_PARENTS.test(el.path)) found.push({ g: el.leaves.get('groupId'), a: el.leaves.get('artifactId'), v: el.leaves.get('version'), start: el.contentStart });
  }
  if (!properties.has('project.version') && properties.has('project.parent.version')) properties.set('project.version', properties.get('project.parent.version')!);
  const resolve = (leaf: Leaf): { value: string; at?: Leaf } | undefined => {
    let value = leaf.text;
    let at: Leaf | undefined = leaf;
    for (let i = 0; i < 5 && /\$\{/.test(value); i++) {
      const whole = /^\$\{([^}]+)\}$/.exec(value);
      const prop = whole ? properties.get(whole[1]!) : undefined;
      if (!prop) return undefined;
      value = prop.text;
      // The fix edits the property, unless it is the project's own version.
      at = whole![1]!.startsWith('project.') ? undefined : prop;
    }
    return /\$\{/.test(value) ? undefined : { value, at };
  };
  const dependencies: Dependency[] = [];
  let unresolved = 0;
  for (const d of found) {
    if (!d.g || !d.a) continue;
    const name = `${resolve(d.g)?.value ?? d.g.text}:${d.a.text}`;
    if (!d.v) {
      unresolved++;
      continue;
    }
    const v = resolve(d.v);
    if (!v || /^[[(]/.test(v.value)) {
      unresolved++;
      continue;
    }
    const versionSpec = v.at ? { range: index.range(v.at.start, v.at.end) as Range, text: v.value } : undefined;
    dependencies.push({ ecosystem: 'Maven', name, version: v.value, direct: true, path: [name], range: index.range(d.a.start, d.a.end), versionSpec });
  }
  const notices = unresolved > 0 ? [`${unresolved} dependenc${unresolved === 1 ? 'y has' : 'ies have'} no version written in this pom (a parent, a BOM or a range sets it); check them in gradle.lockfile or with mvn dependency:tree`] : [];
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
