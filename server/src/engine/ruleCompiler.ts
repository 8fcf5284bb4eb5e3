/** Turns a schema-valid rule object into the compiled form the matchers use. */
import { expandRuleLanguage, LanguageId } from '../languages/registry';
import type { ConstValue } from '../languages/syntax';
import { compilePathGlobs, pathGlobToRegExp } from './globs';
import { compileNames } from './names';
import { defaultKind } from './severityPolicy';
import { prepareQuery } from './queryPredicates';
import { RuleRegexes, TRUSTED, YamlPath } from './ruleRegex';
import type { EditSpec, FileNameSpec, FixSpec, MatchKind, MatchSpec, Rule, SecretSpec, UseSpec, ValueTest } from './rule';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const asList = (v: unknown): string[] => (v === undefined ? [] : Array.isArray(v) ? v.map(String) : [String(v)]);

/** `rx` compiles the regexes (built-in rules are trusted, users' are checked); `at` is where `raw` is in its YAML file. */
export function compileValueTest(raw: Raw, rx: RuleRegexes = TRUSTED, at: YamlPath = []): ValueTest {
  return {
    constant: raw.constant,
    is: raw.is as ConstValue,
    hasIs: 'is' in raw,
    matches: raw.matches !== undefined ? rx.compile(raw.matches, [...at, 'matches']) : undefined,
    below: raw.below,
    madeBy: compileNames(raw['made-by']),
    text: raw.text !== undefined ? rx.compile(raw.text, [...at, 'text']) : undefined,
    resolves: compileNames(raw.resolves),
    resolvesList: raw.resolves !== undefined ? asList(raw.resolves) : undefined,
    type: raw.type !== undefined ? new Set(asList(raw.type)) : undefined,
    sanitized: raw.sanitized,
    absent: raw.absent,
    present: raw.present,
    not: raw.not ? compileValueTest(raw.not, rx, [...at, 'not']) : undefined,
    any: raw.any?.map((t: Raw, i: number) => compileValueTest(t, rx, [...at, 'any', i])),
    all: raw.all?.map((t: Raw, i: number) => compileValueTest(t, rx, [...at, 'all', i])),
  };
}

function compileArgs(raw: Raw | undefined, rx: RuleRegexes, at: YamlPath): Map<number | 'last', ValueTest> {
  const args = new Map<number | 'last', ValueTest>();
  for (const [k, v] of Object.entries(raw ?? {})) args.set(k === 'last' ? 'last' : Number(k), compileValueTest(v as Raw, rx, [...at, k]));
  return args;
}

function compileUse(raw: Raw, rx: RuleRegexes, at: YamlPath): UseSpec {
  return {
    method: raw.method !== undefined ? new Set(asList(raw.method)) : undefined,
    passedTo: compileNames(raw['passed-to']),
    escapes: raw.escapes,
    except: compileNames(raw.except),
    args: compileArgs(raw.args, rx, [...at, 'args']),
    then: raw.then?.map((u: Raw, i: number) => compileUse(u, rx, [...at, 'then', i])),
  };
}

const KINDS: MatchKind[] = ['call', 'new', 'assign', 'property', 'string', 'query'];

function compileMatch(raw: Raw, rx: RuleRegexes, at: YamlPath): MatchSpec {
  const kind = KINDS.find((k) => raw[k] !== undefined)!;
  const args = compileArgs(raw.args, rx, [...at, 'args']);
  const keywords = new Map<string, ValueTest>();
  for (const [k, v] of Object.entries(raw.keywords ?? {})) keywords.set(k, compileValueTest(v as Raw, rx, [...at, 'keywords', k]));
  const where = new Map<string, ValueTest>();
  for (const [k, v] of Object.entries(raw.where ?? {})) where.set(k, compileValueTest(v as Raw, rx, [...at, 'where', k]));
  const prepared = kind === 'query' ? prepareQuery(raw.query) : undefined;
  return {
    kind,
    names: kind === 'call' || kind === 'new' || kind === 'assign' ? compileNames(raw[kind]) : undefined,
    nameList: kind === 'call' || kind === 'new' || kind === 'assign' ? asList(raw[kind]) : undefined,
    keys: kind === 'property' ? new Set(asList(raw.property)) : undefined,
    stringPattern: kind === 'string' ? rx.compile(raw.string, [...at, 'string']) : undefined,
    query: kind === 'query' ? raw.query : undefined,
    preparedQuery: prepared?.source,
    queryRegexes: prepared ? new Map(prepared.regexes.map((r) => [r, rx.compile(r, [...at, 'query'])])) : undefined,
    args,
    keywords,
    value: raw.value ? compileValueTest(raw.value, rx, [...at, 'value']) : undefined,
    operators: raw.operator ? new Set(asList(raw.operator)) : undefined,
    parentKeys: raw['parent-key'] !== undefined ? new Set(asList(raw['parent-key'])) : undefined,
    insideCall: compileNames(raw['inside-call']),
    notInsideCall: compileNames(raw['not-inside-call']),
    context: raw.context !== undefined ? rx.compile(raw.context, [...at, 'context']) : undefined,
    notContext: raw['not-context'] !== undefined ? rx.compile(raw['not-context'], [...at, 'not-context']) : undefined,
    inFunction: raw['in-function'] !== undefined ? rx.compile(raw['in-function'], [...at, 'in-function']) : undefined,
    notInFunction: raw['not-in-function'] !== undefined ? rx.compile(raw['not-in-function'], [...at, 'not-in-function']) : undefined,
    notInFunctionCalling: compileNames(raw['not-in-function-calling']),
    inFunctionTaking: compileNames(raw['in-function-taking']),
    followedBy: raw['followed-by']?.map((u: Raw, i: number) => compileUse(u, rx, [...at, 'followed-by', i])),
    notFollowedBy: raw['not-followed-by']?.map((u: Raw, i: number) => compileUse(u, rx, [...at, 'not-followed-by', i])),
    where,
    report: raw.report,
  };
}

function compileEdit(raw: Raw): EditSpec {
  if (raw.replace !== undefined) return { op: 'replace', capture: raw.replace, template: raw.with };
  if (raw.remove !== undefined) return { op: 'remove', capture: raw.remove };
  if (raw['insert-before'] !== undefined) return { op: 'insert-before', capture: raw['insert-before'], template: raw.text };
  if (raw['insert-after'] !== undefined) return { op: 'insert-after', capture: raw['insert-after'], template: raw.text };
  if (raw['add-import'] !== undefined) return { op: 'add-import', name: raw['add-import'] };
  if (raw['insert-line-after'] !== undefined) return { op: 'insert-line-after', capture: raw['insert-line-after'], template: raw.text };
  return { op: 'add-binding', capture: raw['add-binding'], name: raw.name };
}

function compileFix(raw: Raw | undefined): FixSpec | undefined {
  if (!raw) return undefined;
  if (raw.recipe) return { title: raw.title, preferred: raw.preferred ?? true, edits: [], recipe: raw.recipe };
  return { title: raw.title, preferred: raw.preferred ?? true, edits: raw.edits.map(compileEdit) };
}

function compileSecret(raw: Raw | undefined, rx: RuleRegexes): SecretSpec | undefined {
  if (!raw) return undefined;
  const at = (key: string, i?: number): YamlPath => (i === undefined || !Array.isArray(raw[key]) ? ['secret', key] : ['secret', key, i]);
  return {
    regex: rx.compile(raw.regex, at('regex'), 'g'),
    keywords: asList(raw.keywords).map((k) => k.toLowerCase()),
    entropy: raw.entropy ?? 0,
    group: raw.group ?? 0,
    allow: asList(raw.allow).map((r, i) => rx.compile(r, at('allow', i))),
    allowMatch: asList(raw['allow-match']).map((r, i) => rx.compile(r, at('allow-match', i))),
    checksum: raw.checksum,
    names: raw.names !== undefined ? rx.compile(raw.names, at('names')) : undefined,
    notNames: raw['not-names'] !== undefined ? rx.compile(raw['not-names'], at('not-names')) : undefined,
    randomValue: raw['random-value'] ?? false,
    env: raw.env,
  };
}

/** Base-name globs (`*.p12`, `*.{jks,jceks}`), case-insensitive: `CERT.PFX` is the same file type on Windows. */
function compileFileNames(raw: Raw, trusted: boolean): FileNameSpec | undefined {
  if (raw.filenames === undefined) return undefined;
  const compile = (globs: unknown): RegExp[] => asList(globs).map((g) => pathGlobToRegExp(g, 'i', trusted));
  return { include: compile(raw.filenames), exclude: compile(raw['not-filenames']) };
}

/** The first paragraph of Markdown docs as one line: the `why` of a rule that has none. */
export function leadParagraph(docs: string): string {
  return (docs.trim().split(/\n\s*\n/)[0] ?? '').replace(/\s*\n\s*/g, ' ').trim();
}

export function compileRule(raw: Raw, file: string, rx: RuleRegexes = TRUSTED): Rule {
  const languages = new Set<LanguageId>(asList(raw.languages).flatMap(expandRuleLanguage));
  const matchList: Raw[] = raw.match === undefined ? [] : Array.isArray(raw.match) ? raw.match : [raw.match];
  const matchAt = (i: number): YamlPath => (Array.isArray(raw.match) ? ['match', i] : ['match']);
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
    includePaths: raw.paths?.include ? compilePathGlobs(raw.paths.include, rx.trust === 'builtin') : undefined,
    excludePaths: raw.paths?.exclude ? compilePathGlobs(raw.paths.exclude, rx.trust === 'builtin') : undefined,
    matches: matchList.map((m, i) => compileMatch(m, rx, matchAt(i))),
    fix: compileFix(raw.fix),
    secret: compileSecret(raw.secret, rx),
    fileNames: compileFileNames(raw, rx.trust === 'builtin'),
    ecosystem: typeof raw.ecosystem === 'string' ? raw.ecosystem : undefined,
    check: typeof raw.check === 'string' ? raw.check : undefined,
    options: raw.options && typeof raw.options === 'object' ? raw.options : undefined,
    taint: raw.taint,
    defersTo: raw['defers-to'] ? { rule: String(raw['defers-to'].rule), value: asList(raw['defers-to'].value).map(String) } : undefined,
  };
}
