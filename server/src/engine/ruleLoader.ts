/**
 * Loads rule YAML files, validates each against rules/rule.schema.json and compiles it.
 * A broken rule is reported with its file and line; the others still load.
 */
import { checkRuleProblem } from './documentScan';
import type { ErrorObject } from 'ajv';
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { LineCounter, parseDocument, isNode } from 'yaml';
// Generated from rules/rule.schema.json by esbuild.mjs (see ruleValidatorPlugin there).
import validateRule from 'virtual:rule-validator';
import { preParsed } from './parsedYaml';
import { compileRule } from './ruleCompiler';
import { isBuiltinRuleFile } from './builtinRules';
import { RegexTrust, RuleRegexes } from './ruleRegex';
import { validateFixTemplates } from './fixTemplate';
import type { Rule, RuleLoadError } from './rule';

const validate = validateRule as ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export interface LoadedRules {
  rules: Rule[];
  errors: RuleLoadError[];
}

/**
 * Rule files are `*.yaml` outside folders whose name starts with `_` (models, shared data); fixtures (`*.test.yaml`, `*.test.<case>.yaml`) are not rules.
 * Only regular files: a FIFO or a link to `/dev/zero` named `x.yaml` would block or never end the read.
 * Subfolders that cannot be listed go to `unreadable` (the folder named itself is checked by the caller: ruleFolders.ts).
 */
export function findRuleFiles(dir: string, unreadable?: RuleLoadError[]): string[] {
  const out: string[] = [];
  // Linked folders are followed (shared rule sets), each real folder once: a link to a parent would never end.
  const seen = new Set<string>();
  const walk = (d: string): void => {
    let real: string;
    try {
      real = realpathSync(d);
    } catch {
      return;
    }
    if (seen.has(real)) return;
    seen.add(real);
    let entries: string[];
    try {
      entries = readdirSync(d).sort();
    } catch (err) {
      if (d !== dir) unreadable?.push({ file: d, line: 1, message: `cannot read folder: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
      return;
    }
    for (const name of entries) {
      if (name.startsWith('_') || name.startsWith('.')) continue;
      const full = join(d, name);
      let st;
      try {
        st = statSync(full);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(full);
      else if (st.isFile() && /\.ya?ml$/.test(name) && !/\.(test|fixed)(\.[\w-]+)*\.ya?ml$/.test(name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

function pathOf(error: ErrorObject): (string | number)[] {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** The most useful ajv errors: `oneOf`/`if` wrappers repeat what their branches say. */
function describe(errors: ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => !['oneOf', 'if', 'anyOf', 'allOf'].includes(e.keyword));
  return specific.length > 0 ? specific : errors;
}

/**
 * `trust`: how the rule's regexes are compiled (see ruleRegex.ts); only files in the
 * built-in rules folder are trusted by default.
 */
export function loadRuleText(text: string, file: string, preParsed?: { data: unknown }, trust: RegexTrust = isBuiltinRuleFile(file) ? 'builtin' : 'user'): { rule?: Rule; errors: RuleLoadError[] } {
  // Parsed at build time and valid: no YAML document needed (it only gives error lines).
  if (preParsed && validate(preParsed.data) && trust === 'builtin') return checkAndCompile(preParsed.data as Record<string, unknown>, file, () => 1, trust);
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      errors: doc.errors.map((e) => ({ file, line: lineCounter.linePos(e.pos[0]).line, message: `YAML: ${e.message.split('\n')[0]}` })),
    };
  }
  const raw = doc.toJS() as unknown;
  const lineAt = (path: (string | number)[]): number => {
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      if (p.length === 0) return 1;
    }
  };
  if (!validate(raw)) {
    const errors = describe(validate.errors ?? []).map((e) => ({
      file,
      line: lineAt(pathOf(e)),
      message: `${e.instancePath || '(rule)'} ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? `: ${(e.params.allowedValues as unknown[]).join(', ')}` : ''}${e.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}`,
    }));
    return { errors };
  }
  return checkAndCompile(raw as Record<string, unknown>, file, lineAt, trust);
}

function checkAndCompile(obj: Record<string, unknown>, file: string, lineAt: (path: (string | number)[]) => number, trust: RegexTrust): { rule?: Rule; errors: RuleLoadError[] } {
  const stem = basename(file).replace(/\.ya?ml$/, '');
  if (obj.id !== stem && !file.startsWith('<')) {
    return { errors: [{ file, line: lineAt(['id']), message: `rule id "${String(obj.id)}" must equal the file name "${stem}"` }] };
  }
  try {
    const regexes = new RuleRegexes(trust);
    const rule = compileRule(obj, file, regexes);
    // A regex that can hang a scan is an error like any other: the rule does not run.
    if (regexes.problems.length > 0) return { errors: regexes.problems.map((p) => ({ file, line: lineAt(p.path), message: p.message })) };
    const fixError = validateFixTemplates(rule);
    if (fixError) return { errors: [{ file, line: lineAt(['fix']), message: fixError }] };
    const checkError = checkRuleProblem(rule);
    if (checkError) return { errors: [{ file, line: lineAt(['check']), message: checkError }] };
    return { rule, errors: [] };
  } catch (err) {
    return { errors: [{ file, line: 1, message: `cannot compile rule: ${(err as Error).message}` }] };
  }
}

export function loadRuleFiles(files: string[], dirs: readonly string[] = []): LoadedRules {
  const rules: Rule[] = [];
  const errors: RuleLoadError[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      errors.push({ file, line: 1, message: `cannot read: ${(err as Error).message}` });
      continue;
    }
    const result = loadRuleText(text, file, preParsed(dirs, file, text));
    errors.push(...result.errors);
    if (!result.rule) continue;
    const previous = seen.get(result.rule.id);
    if (previous) {
      errors.push({ file, line: 1, message: `duplicate rule id ${result.rule.id} (also in ${previous}); this one replaces it` });
      const at = rules.findIndex((r) => r.id === result.rule!.id);
      rules.splice(at, 1);
    }
    seen.set(result.rule.id, file);
    rules.push(result.rule);
  }
  return { rules, errors };
}

export function loadRuleDirs(dirs: string[]): LoadedRules {
  const unreadable: RuleLoadError[] = [];
  const loaded = loadRuleFiles(dirs.flatMap((d) => findRuleFiles(d, unreadable)), dirs);
  return { rules: loaded.rules, errors: [...unreadable, ...loaded.errors] };
}
