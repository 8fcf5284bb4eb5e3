/** Turns a schema-valid rule object into the compiled form the matchers use. */
import { expandRuleLanguage, LanguageId } from '../languages/registry';
import type { ConstValue } from '../languages/syntax';
import { compilePathGlobs, pathGlobToRegExp } from './globs';
import { compileNames, compileRegex } from './names';
import { defaultKind } from './severityPolicy';
import type { EditSpec, FileNameSpec, FixSpec, MatchKind, MatchSpec, Rule, SecretSpec, ValueTest } from './rule';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

export function compileValueTest(raw: Raw): ValueTest {
  return {
    constant: raw.constant,
    is: raw.is as ConstValue,
    hasIs: 'is' in raw,
    matches: raw.matches !== undefined ? compileRegex(raw.matches) : undefined,
    text: raw.text !== undefined ? compileRegex(raw.text) : undefined,
    resolves: compileNames(raw.resolves),
    resolvesList: raw.resolves !== undefined ? asList(raw.resolves) : undefined,
    type: raw.type !== undefined ? new Set(asList(raw.type)) : undefined,
    sanitized: raw.sanitized,
    absent: raw.absent,
    present: raw.present,
    not: raw.not ? compileValueTest(raw.not) : undefined,
    any: raw.any?.map(compileValueTest),
    all: raw.all?.map(compileValueTest),
  };
}

const KINDS: MatchKind[] = ['call', 'new', 'assign', 'property', 'string', 'query'];

function compileMatch(raw: Raw): MatchSpec {
  const kind = KINDS.find((k) => raw[k] !== undefined)!;
  const args = new Map<number | 'last', ValueTest>();
  for (const [k, v] of Object.entries(raw.args ?? {})) args.set(k === 'last' ? 'last' : Number(k), compileValueTest(v as Raw));
  const keywords = new Map<string, ValueTest>();
  for (const [k, v] of Object.entries(raw.keywords ?? {})) keywords.set(k, compileValueTest(v as Raw));
  const where = new Map<string, ValueTest>();
  for (const [k, v] of Object.entries(raw.where ?? {})) where.set(k, compileValueTest(v as Raw));
  return {
    kind,
    names: kind === 'call' || kind === 'new' || kind === 'assign' ? compileNames(raw[kind]) : undefined,
    nameList: kind === 'call' || kind === 'new' || kind === 'assign' ? asList(raw[kind]) : undefined,
    keys: kind === 'property' ? new Set(asList(raw.property)) : undefined,
    stringPattern: kind === 'string' ? compileRegex(raw.string) : undefined,
    query: kind === 'query' ? raw.query : undefined,
    args,
    keywords,
    value: raw.value ? compileValueTest(raw.value) : undefined,
    operators: raw.operator ? new Set(asList(raw.operator)) : undefined,
    parentKeys: raw['parent-key'] !== undefined ? new Set(asList(raw['parent-key'])) : undefined,
    insideCall: compileNames(raw['inside-call']),
    notInsideCall: compileNames(raw['not-inside-call']),
    context: raw.context !== undefined ? compileRegex(raw.context) : undefined,
    notContext: raw['not-context'] !== undefined ? compileRegex(raw['not-context']) : undefined,
    where,
    report: raw.report,
  };
}

function compileEdit(raw: Raw): EditSpec {
  if (raw.replace !== undefined) return { op: 'replace', capture: raw.replace, template: raw.with };
  if (raw.remove !== undefined) return { op: 'remove', capture: raw.remove };
  if (raw['insert-before'] !== undefined) return { op: 'insert-before', capture: raw['insert-before'], template: raw.text };
  if (raw['insert-after'] !== undefined) return { op: 'insert-after', capture: raw['insert-after'], template: raw.text };
  return { op: 'add-binding', capture: raw['add-binding'], name: raw.name };
}

function compileFix(raw: Raw | undefined): FixSpec | undefined {
  if (!raw) return undefined;
  return { title: raw.title, preferred: raw.preferred ?? true, edits: raw.edits.map(compileEdit) };
}

function compileSecret(raw: Raw | undefined): SecretSpec | undefined {
  if (!raw) return undefined;
  return {
    regex: new RegExp(compileRegex(raw.regex).source, compileRegex(raw.regex).flags + 'g'),
    keywords: asList(raw.keywords).map((k) => k.toLowerCase()),
    entropy: raw.entropy ?? 0,
    group: raw.group ?? 0,
    allow: asList(raw.allow).map(compileRegex),
    allowMatch: asList(raw['allow-match']).map(compileRegex),
    checksum: raw.checksum,
    names: raw.names !== undefined ? compileRegex(raw.names) : undefined,
    notNames: raw['not-names'] !== undefined ? compileRegex(raw['not-names']) : undefined,
    randomValue: raw['random-value'] ?? false,
    env: raw.env,
  };
}

/** Base-name globs (`*.p12`, `*.{jks,jceks}`), case-insensitive: `CERT.PFX` is the same file type on Windows. */
function compileFileNames(raw: Raw): FileNameSpec | undefined {
  if (raw.filenames === undefined) return undefined;
  const compile = (globs: unknown): RegExp[] => asList(globs).map((g) => new RegExp(pathGlobToRegExp(g).source, 'i'));
  return { include: compile(raw.filenames), exclude: compile(raw['not-filenames']) };
}

/** The first paragraph of Markdown docs as one line: the `why` of a rule that has none. */
export function leadParagraph(docs: string): string {
  return (docs.trim().split(/\n\s*\n/)[0] ?? '').replace(/\s*\n\s*/g, ' ').trim();
}

export function compileRule(raw: Raw, file: string): Rule {
  const languages = new Set<LanguageId>(asList(raw.languages).flatMap(expandRuleLanguage));
  const matchList: Raw[] = raw.match === undefined ? [] : Array.isArray(raw.match) ? raw.match : [raw.match];
  return {
    id: raw.id,
    title: raw.title,
    message: raw.message.trim(),
    advice: typeof raw.advice === 'string' ? raw.advice.trim() : undefined,
    why: typeof raw.why === 'string' ? raw.why.trim().replace(/\s*\n\s*/g, ' ') : leadParagraph(raw.docs),
    severity: raw.severity,
    confidence: raw.confidence,
    kind: raw.kind ?? defaultKind(raw.mode, raw.category),
    languages,
    generic: asList(raw.languages).includes('generic'),
    category: raw.category,
    cwe: asList(raw.cwe),
    owasp: asList(raw.owasp),
    references: asList(raw.references),
    docs: raw.docs.trim(),
    mode: raw.mode,
    file,
    includePaths: raw.paths?.include ? compilePathGlobs(raw.paths.include) : undefined,
    excludePaths: raw.paths?.exclude ? compilePathGlobs(raw.paths.exclude) : undefined,
    matches: matchList.map(compileMatch),
    fix: compileFix(raw.fix),
    secret: compileSecret(raw.secret),
    fileNames: compileFileNames(raw),
    taint: raw.taint,
  };
}
