/**
 * The well-known safe form of a script that needs an untrusted value: the runner puts the
 * value in an environment variable (`env:`), and the script reads the variable, quoted
 * (`"$TITLE"` in a shell, `process.env.TITLE` in github-script), so the text is data and
 * never script. Every untrusted expression of the step moves at once (one fix per step:
 * its findings share it). No fix where the right quoting is unclear (a YAML double-quoted
 * script, a shell other than bash/sh/pwsh, a JavaScript expression outside a string).
 */
import type { DocEdit, DocFix } from '../../documentPack';
import { get, rangeOf, scalar, YamlScalar } from '../../yaml/document';
import { addPair } from '../../yaml/edits';
import type { TaintedExpression } from '../flow';
import type { Job, Step, Workflow } from '../workflow';

type Language = 'shell' | 'javascript';

export function moveToEnvFix(workflow: Workflow, job: Job, step: Step, found: TaintedExpression[], language: Language, script: YamlScalar | undefined = step.run): DocFix[] {
  // Quoted YAML scripts would need their own escaping on top of the shell's: no fix there.
  if (!script || (script.style !== 'plain' && script.style !== 'block')) return [];
  const shell = language === 'shell' ? shellOf(workflow, job, step) : 'javascript';
  if (!shell) return [];
  const file = workflow.file;
  const names = new Map<string, string>(); // expression body → variable name
  const added: [string, string][] = [];
  const taken = new Set([...(step.env?.pairs ?? []), ...(job.env?.pairs ?? []), ...(workflow.env?.pairs ?? [])].map((p) => p.key));
  const edits: DocEdit[] = [];
  for (const e of found) {
    let name = names.get(e.body);
    if (!name) {
      name = nameFor(e.body, step, taken, added);
      names.set(e.body, name);
    }
    const replacement = replacementFor(script, e, name, shell);
    if (replacement === undefined) return [];
    edits.push({ range: rangeOf(file, replacement.start, replacement.end), newText: replacement.text });
  }
  if (added.length > 0) {
    const value = (body: string): string => yamlScalar(`\${{ ${body} }}`);
    const rendered = added.map(([n, body]) => [n, value(body)] as [string, string]);
    if (step.env) {
      const first = addPair(file, step.env, rendered[0]![0], rendered[0]![1]);
      const rest = rendered.slice(1).map(([k, v]) => addPair(file, step.env!, k, v).newText).join('');
      edits.push({ range: first.range, newText: first.newText + rest });
    } else if (get(step.map, 'env') === undefined) {
      edits.push(addPair(file, step.map, 'env', rendered));
    } else return [];
  }
  return [{ title: 'Pass the untrusted values through `env:` and read them as variables', edits, preferred: true }];
}

/** `ISSUE_TITLE` for `github.event.issue.title`; an existing step env entry with the same value is reused. */
function nameFor(body: string, step: Step, taken: Set<string>, added: [string, string][]): string {
  const env = /^env\.([A-Za-z_]\w*)$/.exec(body);
  if (env) return env[1]!;
  const same = step.env?.pairs.find((p) => p.value?.type === 'scalar' && /^\$\{\{\s*(.*?)\s*\}\}$/.exec(p.value.value.trim())?.[1] === body);
  if (same) return same.key;
  const ref = /[A-Za-z_][\w.-]*/.exec(body.replace(/\[\s*'([^']*)'\s*\]/g, '.$1'))?.[0] ?? 'VALUE';
  const parts = ref
    .split('.')
    .filter((s, i) => !(i === 0 && /^(?:github|inputs|steps|needs|env|secrets)$/.test(s)) && !/^(?:event|outputs|inputs)$/.test(s))
    .map((s) => (s === 'pull_request' ? 'PR' : s));
  const tail = parts.slice(-2);
  let base = tail.join('_').replace(/[^A-Za-z0-9]+/g, '_').toUpperCase().replace(/^_+|_+$/g, '') || 'VALUE';
  if (/^\d/.test(base)) base = `V_${base}`;
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  added.push([name, body]);
  return name;
}

type Shell = 'bash' | 'pwsh' | 'javascript';

function shellOf(workflow: Workflow, job: Job, step: Step): Shell | undefined {
  const declared =
    scalar(get(step.map, 'shell')) ??
    scalar(get(get(get(job.map, 'defaults'), 'run'), 'shell')) ??
    scalar(get(get(get(workflow.root, 'defaults'), 'run'), 'shell'));
  if (declared) {
    const program = declared.trim().split(/\s+/)[0]!;
    if (/^(?:bash|sh)$/.test(program)) return 'bash';
    if (/^(?:pwsh|powershell)$/.test(program)) return 'pwsh';
    return undefined;
  }
  const runsOn = job.runsOn?.node.text ?? '';
  if (/windows/i.test(runsOn)) return 'pwsh';
  // A matrix or an expression may pick Windows: the shell is then unknown.
  if (runsOn.includes('${{')) return undefined;
  return 'bash';
}

/** The text that replaces the expression (a shell variable, quoted for where it stands), or undefined. */
function replacementFor(script: YamlScalar, e: TaintedExpression, name: string, shell: Shell): { start: number; end: number; text: string } | undefined {
  const raw = script.node.text;
  const rel = e.start - script.node.startIndex;
  if (script.style === 'plain' && rel === 0) return undefined; // the scalar would start with a quote
  if (shell === 'javascript') {
    const before = raw[rel - 1];
    const after = raw[rel + e.end - e.start];
    if ((before === "'" || before === '"') && after === before) return { start: e.start - 1, end: e.end + 1, text: `process.env.${name}` };
    if (quoteAt(raw, rel, '`')) return { start: e.start, end: e.end, text: `\${process.env.${name}}` };
    return undefined;
  }
  const state = shellQuoteAt(raw, rel, script.style === 'block');
  const variable = shell === 'pwsh' ? `$env:${name}` : `$${name}`;
  if (state === 'double') return { start: e.start, end: e.end, text: shell === 'pwsh' ? variable : `\${${name}}` };
  if (state === 'single') return shell === 'pwsh' ? undefined : { start: e.start, end: e.end, text: `'"${variable}"'` };
  return { start: e.start, end: e.end, text: `"${variable}"` };
}

/** Whether `at` is inside a JavaScript string opened by `quote` (a rough scan, enough for templates). */
function quoteAt(text: string, at: number, quote: string): boolean {
  let open = false;
  for (let i = 0; i < at; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) open = !open;
  }
  return open;
}

/** The shell quoting at `at`: inside '…', "…" or neither. A block scalar's first line is its header. */
function shellQuoteAt(text: string, at: number, block: boolean): 'single' | 'double' | 'none' {
  let state: 'single' | 'double' | 'none' = 'none';
  const from = block ? text.indexOf('\n') + 1 : 0;
  for (let i = from; i < at; i++) {
    const c = text[i];
    if (state === 'single') {
      if (c === "'") state = 'none';
    } else if (c === '\\') i++;
    else if (c === "'" && state === 'none') state = 'single';
    else if (c === '"') state = state === 'double' ? 'none' : 'double';
    else if (c === '\n' && state === 'none') continue;
  }
  return state;
}

/** A YAML value as written in a block mapping: plain when that reads back the same, else single-quoted. */
function yamlScalar(value: string): string {
  return /: |\s#|^[-?:,[\]{}#&*!|>'"%@`]/.test(value) ? `'${value.replace(/'/g, "''")}'` : value;
}
