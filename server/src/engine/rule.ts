/** A rule after loading: the YAML header plus its compiled matchers. */
import type { Confidence, Severity } from './finding';
import type { LanguageId } from '../languages/registry';
import type { ConstValue } from '../languages/syntax';
import type { RuleKind } from './severityPolicy';

export type RuleMode = 'pattern' | 'taint' | 'secret' | 'filename' | 'dependency' | 'check';

/** A dotted-name glob compiled once. */
export type NameMatcher = (qualified: string) => boolean;

export interface ValueTest {
  constant?: boolean;
  is?: ConstValue;
  hasIs: boolean;
  matches?: RegExp;
  /** Made by `new` of one of these classes, directly or as the value its variable is declared with. */
  madeBy?: NameMatcher;
  /** A constant number below this. */
  below?: number;
  text?: RegExp;
  resolves?: NameMatcher;
  resolvesList?: string[];
  type?: ReadonlySet<string>;
  /** Made safe for this sink kind by a known sanitizer or a sanitizing function of the file (sanitizedValue.ts). */
  sanitized?: string;
  absent?: boolean;
  present?: boolean;
  not?: ValueTest;
  any?: ValueTest[];
  all?: ValueTest[];
}

export type MatchKind = 'call' | 'new' | 'assign' | 'property' | 'string' | 'query';

export interface MatchSpec {
  kind: MatchKind;
  names?: NameMatcher;
  /** The names as written, for indexing rules by their last segment. */
  nameList?: string[];
  keys?: ReadonlySet<string>;
  stringPattern?: RegExp;
  query?: string;
  /** The query as web-tree-sitter gets it: regex predicates renamed so Ward applies them (queryPredicates.ts). */
  preparedQuery?: string;
  /** The compiled regex of each `#match?`-like predicate, by its text. */
  queryRegexes?: ReadonlyMap<string, RegExp>;
  args: Map<number | 'last', ValueTest>;
  keywords: Map<string, ValueTest>;
  value?: ValueTest;
  operators?: ReadonlySet<string>;
  parentKeys?: ReadonlySet<string>;
  insideCall?: NameMatcher;
  notInsideCall?: NameMatcher;
  context?: RegExp;
  notContext?: RegExp;
  /** The name of the function (method) the match is in. */
  inFunction?: RegExp;
  notInFunction?: RegExp;
  /** No function around the match calls one of these (`http.MaxBytesReader` before `io.ReadAll(r.Body)`). */
  notInFunctionCalling?: NameMatcher;
  /** `in-function-taking`: a function around the match has a parameter of one of these types (import-resolved). */
  inFunctionTaking?: NameMatcher;
  /** What must (or must not) happen later to the value a call or `new` makes (laterUses.ts). */
  followedBy?: UseSpec[];
  notFollowedBy?: UseSpec[];
  where: Map<string, ValueTest>;
  report?: string;
}

/**
 * A use of a call's result, directly or through the variable it is stored in: a method
 * called on it, being passed to a call, or escaping (returned, stored elsewhere, passed on).
 */
export interface UseSpec {
  /** Method names (last segment) called on the value. */
  method?: ReadonlySet<string>;
  /** Calls or `new`s the value is an argument of. */
  passedTo?: NameMatcher;
  /** Returned, stored elsewhere, or passed to any call (but those in `except`). */
  escapes?: boolean;
  except?: NameMatcher;
  args: Map<number | 'last', ValueTest>;
  /** With `method`: the call's own result then meets each of these (`factory.newDocumentBuilder()` then `setEntityResolver`). */
  then?: UseSpec[];
}

export type EditSpec =
  | { op: 'replace'; capture: string; template: string }
  | { op: 'remove'; capture: string }
  | { op: 'insert-before' | 'insert-after'; capture: string; template: string }
  | { op: 'add-binding'; capture: string; name: string }
  /** Import this dotted name where the language needs it (Java: an `import` line). */
  | { op: 'add-import'; name: string }
  /** A new line after the statement holding the capture, indented like it. */
  | { op: 'insert-line-after'; capture: string; template: string };

export interface FixSpec {
  title: string;
  preferred: boolean;
  /** Template edits; empty when a recipe builds the fix. */
  edits: EditSpec[];
  /** A fix written in code by the language packs (`fixes.recipes`, see server/src/fixes/README.md) for what templates cannot say. */
  recipe?: string;
}

export interface SecretSpec {
  regex: RegExp;
  keywords: string[];
  entropy: number;
  group: number;
  allow: RegExp[];
  /** Tested on the whole regex match (e.g. a URL's host is `localhost`). */
  allowMatch: RegExp[];
  /** `github-crc32`: validated tokens are errors, others warnings; `jwt`: the header must be JSON with `alg`. */
  checksum?: 'github-crc32' | 'jwt';
  /** Name rules: the (normalised, snake_case) name the value is given must match. */
  names?: RegExp;
  notNames?: RegExp;
  /** Name rules: the value must look machine-made (mixed characters, not a word, path or UUID). */
  randomValue: boolean;
  /** The environment variable a fix reads when the code gives the value no name. */
  env?: string;
}

/**
 * A file reported by its name alone (binary key stores): a text matcher cannot read it,
 * and its name is what makes it a credential.
 */
export interface FileNameSpec {
  include: RegExp[];
  exclude: RegExp[];
}

export interface Rule {
  id: string;
  title: string;
  /** One short sentence saying what is wrong; `{{capture}}`, `{{source}}`, `{{sink}}`, `{{secret}}` are filled in. */
  message: string;
  /** One line saying what to do instead (hover, docs, CLI), when the rule gives one. */
  advice?: string;
  /** Why it matters, one short paragraph: the rule's `why`, or else the first paragraph of its docs. */
  why: string;
  severity: Severity;
  confidence: Confidence;
  /** What kind of problem it reports; with `confidence` it decides the severity (severityPolicy.ts). */
  kind: RuleKind;
  /** Grammars the rule runs on; empty for `generic` rules that read any text. */
  languages: ReadonlySet<LanguageId>;
  generic: boolean;
  category: string;
  cwe: string[];
  owasp: string[];
  references: string[];
  docs: string;
  mode: RuleMode;
  file: string;
  includePaths?: RegExp[];
  excludePaths?: RegExp[];
  matches: MatchSpec[];
  fix?: FixSpec;
  secret?: SecretSpec;
  /** `filename` rules: the file's base name (case-insensitive) reports it, whatever it holds. */
  fileNames?: FileNameSpec;
  /** `dependency` rules: the package ecosystem (OSV's name: npm, PyPI, Maven, Go) whose manifests they check. */
  ecosystem?: string;
  /** `check` rules: the document pack's check that finds the problem (languages/documentPack.ts), and its data. */
  check?: string;
  options?: Readonly<Record<string, unknown>>;
  /** Raw taint section, interpreted by the taint engine. */
  taint?: Record<string, unknown>;
  /**
   * A pattern rule whose call a taint rule also covers: a match is dropped where the taint
   * analysis proves the captured value constant, sanitised or guarded for that rule's sinks.
   */
  defersTo?: { rule: string; value: string[]; /** The taint rule's sink kinds, filled in when the rules are put together (deferral.ts). */ kinds?: readonly string[] };
}

export interface RuleLoadError {
  file: string;
  line: number;
  message: string;
}
