/** Plain data the engine returns; no VS Code or LSP types so the CLI and the server share it. */

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export type Confidence = 'high' | 'medium' | 'low';

/** Zero-based line and UTF-16 column, the same units LSP uses by default. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants; shown first and bound to "auto fix". */
  preferred: boolean;
  /**
   * The environment variable a secret fix reads the value from (`STRIPE_KEY`), so the
   * editor can offer to declare it in `.env.example` without parsing the title.
   */
  envName?: string;
}

/** One step of a data-flow trace, source first and sink last. */
export interface TraceStep {
  range: Range;
  message: string;
  /** Absolute path when the step lives in another file than the finding. */
  file?: string;
}

export interface Suppression {
  /** `config`: an `ignore` entry of .ward.yaml (dependency advisories). */
  kind: 'line' | 'file' | 'baseline' | 'config';
  justification: string;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  confidence: Confidence;
  category: string;
  cwe: string[];
  owasp: string[];
  title: string;
  message: string;
  /** What the editor underlines: the value or option that makes the code unsafe. */
  range: Range;
  /**
   * The code the finding is about (the whole call or statement), when `range` is only part
   * of it. Baseline fingerprints, ignore comments and fixture annotations go by it, so they
   * stay put when the underline narrows.
   */
  anchor?: Range;
  fixes: Fix[];
  trace?: TraceStep[];
  /** Findings of other rules folded into this one: the same problem, said less specifically. */
  also?: RelatedNote[];
  /** Set when a ward-ignore comment (or a baseline) covers this finding. */
  suppressed?: Suppression;
  /**
   * Its baseline fingerprint (see baseline.ts), set by the language server for open
   * documents so "Ignore: not a secret" can add exactly this finding to the baseline.
   */
  fingerprint?: string;
  /** A vulnerable package (dependency rules): which version, how it gets in, which advisories. */
  dependency?: DependencyNote;
}

export interface DependencyAdvisory {
  /** The advisory's id in the database (GHSA-…, PYSEC-…, GO-…). */
  id: string;
  /** Its other ids (CVE-…). */
  aliases: string[];
  summary: string;
  severity: Severity;
  /** CVSS base score, when the record's vector gives one. */
  score?: number;
  url: string;
  /** The versions that fix it. */
  fixed: string[];
}

export interface DependencyNote {
  ecosystem: string;
  name: string;
  version: string;
  /** true: the project names it; false: another package brings it in; absent: the file does not say. */
  direct?: boolean;
  /** From the project's direct dependency down to this package. */
  path: string[];
  advisories: DependencyAdvisory[];
  /** The lowest version in the same major that none of the advisories affects (the fix's target). */
  upgradeTo?: string;
  /** Advisories left out by an ignore comment or .ward.yaml, with the reason. */
  ignored?: { id: string; reason: string }[];
}

export interface RelatedNote {
  ruleId: string;
  message: string;
  range: Range;
}

/** The code a finding is about: its anchor, or its range when that is the whole of it. */
export function anchorOf(f: Pick<Finding, 'range' | 'anchor'>): Range {
  return f.anchor ?? f.range;
}

/** Why a file produced no (or only partial) findings, in words a user can act on. */
export interface ScanNotice {
  kind: 'skipped' | 'partial' | 'rule-error';
  message: string;
}

export interface FileResult {
  findings: Finding[];
  notices: ScanNotice[];
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
