/**
 * Compiles the regular expressions written in rule and model files.
 *
 * Built-in rules are trusted: their regexes are plain RegExps (test/unit/regexSafety
 * checks every one of them is linear). Regexes from the user's own folders are checked
 * when they load (regexSafety.ts):
 * - catastrophic (exponential, or cubic and worse) → a problem at the YAML key; the rule
 *   or model row does not run;
 * - shown linear → a plain RegExp (fastest);
 * - anything else (quadratic, too large to analyse) → a LinearRegExp, which runs on RE2
 *   in linear time; a pattern RE2 cannot express (lookarounds, backreferences) is a
 *   problem too, since nothing bounds its matching time.
 */
import { LinearRegExp, NotLinear } from './linearRegExp';
import { checkRegex, isCatastrophic, RegexVerdict } from './regexSafety';

export type YamlPath = (string | number)[];

export interface RegexProblem {
  path: YamlPath;
  message: string;
}

/** Matches nothing: stands for a rejected regex while the loader collects its problems. */
const NEVER = /(?!)/;

/**
 * `builtin`: Ward's own rules, checked by its tests; `user`: checked as they load;
 * `audit`: checked, and anything not shown linear is a problem too (the standard the
 * built-in rules are tested against, since they run on JavaScript's own engine).
 */
export type RegexTrust = 'builtin' | 'user' | 'audit';

export class RuleRegexes {
  readonly problems: RegexProblem[] = [];

  constructor(readonly trust: RegexTrust) {}

  /** A rule regex; `(?i)` at the start means case-insensitive (the portable spelling). */
  compile(src: string, path: YamlPath, extraFlags = ''): RegExp {
    const ignoreCase = src.startsWith('(?i)');
    const source = ignoreCase ? src.slice(4) : src;
    const flags = (ignoreCase ? 'i' : '') + extraFlags;
    if (this.trust === 'builtin') return new RegExp(source, flags);
    const verdict = checkRegex(source, flags.replace(/[gd]/g, ''));
    const problem = (message: string): RegExp => {
      this.problems.push({ path, message: `regex "${src}": ${message}` });
      return NEVER;
    };
    if (verdict.risk === 'invalid') return problem(verdict.reason);
    if (isCatastrophic(verdict)) return problem(`can backtrack catastrophically: ${verdict.reason}`);
    if (this.trust === 'audit' && verdict.risk !== 'linear') return problem(`not shown to match in linear time: ${verdict.reason}`);
    return safeRegExp(source, flags, verdict, problem);
  }
}

function safeRegExp(source: string, flags: string, verdict: RegexVerdict, refuse: (message: string) => RegExp): RegExp {
  if (verdict.risk === 'linear') return new RegExp(source, flags);
  try {
    return new LinearRegExp(source, flags);
  } catch (err) {
    if (!(err instanceof NotLinear)) throw err;
    return refuse(`${verdict.reason}, and ${err.message} has no linear-time form; rewrite it without`);
  }
}

/** Built-in rules and models. */
export const TRUSTED = new RuleRegexes('builtin');

const generated = new Map<string, RegExp>();

/**
 * A regex Ward builds from a glob (paths, dotted names): plain when shown linear, else
 * RE2. Globs come from settings and rules alike and are never refused: the person who
 * wrote one cannot be asked to fix backtracking they never wrote.
 */
export function generatedRegExp(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let re = generated.get(key);
  if (!re) {
    // Case folding needs a table that takes a while to build: RE2 is cheaper than proving such a glob linear.
    const linear = !flags.includes('i') && checkRegex(source, flags).risk === 'linear';
    re = linear ? new RegExp(source, flags) : new LinearRegExp(source, flags);
    if (generated.size > 5000) generated.clear();
    generated.set(key, re);
  }
  return re;
}
