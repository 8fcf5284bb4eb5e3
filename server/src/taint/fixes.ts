/**
 * Quick fixes for taint findings where a safe form exists. SQL: the values spliced into
 * the query become bound parameters, in the driver's placeholder style. A fix that cannot
 * be made exactly (an unknown driver, a value inside a larger SQL literal it cannot lift
 * out, a values argument already there) is not offered.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import { nodeRange } from '../engine/fileContext';
import { quotedArgumentFits } from '../engine/commandArgs';
import type { Fix, Position } from '../engine/finding';
import type { SinkHit, Summary } from './context';
import { TAINT_FIXES, taintFixFor } from './fixCatalog';
import { dataEvalFix } from '../fixes/dataEval';
import { flatten, Piece } from '../fixes/pieces';
import { pathContainmentFix } from '../fixes/pathContainment';
import { hostAllowListFix } from '../fixes/hostAllowList';
import { htmlEscapeFix } from '../fixes/htmlEscape';
import { templateContextFix } from '../fixes/templateContext';


const QUESTION = new Set(['mysql', 'mysql2', 'mysql2/promise', 'sqlite3', 'better-sqlite3', 'knex', 'sqlite']);
const DOLLAR = new Set(['pg', 'postgres', 'pg-promise']);
const PY_QMARK = new Set(['sqlite3', 'aiosqlite']);
const PY_FORMAT = new Set(['psycopg2', 'psycopg', 'pymysql', 'MySQLdb', 'mysql', 'django']);

/** Which placeholder style the file's database driver uses, from its imports. */
function placeholderStyle(ctx: FileContext): 'question' | 'dollar' | 'format' | undefined {
  const modules = new Set([...ctx.bindings.imports.values()].map((b) => b.qualified.split('.')[0]!));
  if (ctx.adapter.family === 'js') {
    const dollar = [...modules].some((m) => DOLLAR.has(m));
    const question = [...modules].some((m) => QUESTION.has(m));
    // Two drivers in one file: which one runs this query is not known, so no fix.
    if (dollar === question) return undefined;
    return dollar ? 'dollar' : 'question';
  }
  const qmark = [...modules].some((m) => PY_QMARK.has(m));
  const format = [...modules].some((m) => PY_FORMAT.has(m));
  if (qmark === format) return undefined;
  return qmark ? 'question' : 'format';
}


/** SQL text with placeholders, and the expressions that become bound values, in order. */
function parameterize(pieces: Piece[], style: 'question' | 'dollar' | 'format'): { sql: string; values: string[] } | undefined {
  let sql = '';
  const values: string[] = [];
  const placeholder = (): string => (style === 'dollar' ? `$${values.length}` : style === 'format' ? '%s' : '?');
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i]!;
    if ('text' in p) {
      sql += p.text;
      continue;
    }
    const before = sql;
    const next = pieces[i + 1];
    const quote = /(['"])$/.exec(before)?.[1];
    if (quote) {
      // `'` + value + `'`: the quoted SQL literal becomes one bound value.
      if (!next || !('text' in next) || !next.text.startsWith(quote)) return undefined;
      sql = before.slice(0, -1);
      values.push(p.expr.text);
      sql += placeholder();
      pieces[i + 1] = { text: next.text.slice(1) };
    } else {
      if (/['"][^'"]*$/.test(before.replace(/'[^']*'|"[^"]*"/g, ''))) return undefined; // inside a larger literal
      values.push(p.expr.text);
      sql += placeholder();
    }
  }
  if (values.length === 0) return undefined;
  return { sql, values };
}

function sqlFix(ctx: FileContext, hit: SinkHit): Fix | undefined {
  const arg = hit.arg;
  const call = hit.node;
  if (!arg || (call.type !== 'call_expression' && call.type !== 'call')) return undefined;
  const args = ctx.adapter.positionalArgs(call);
  if (args[0]?.id !== arg.id) return undefined;
  const style = placeholderStyle(ctx);
  if (!style) return undefined;
  const pieces: Piece[] = [];
  if (!flatten(ctx, arg, pieces)) return undefined;
  const result = parameterize(pieces, style);
  if (!result) return undefined;
  const second = args[1];
  if (ctx.adapter.family === 'js') {
    if (second && second.type !== 'arrow_function' && second.type !== 'function_expression' && second.type !== 'function') return undefined;
    const literal = ctx.adapter.stringLiteral(result.sql, arg.type === 'string' ? arg : undefined);
    return {
      title: TAINT_FIXES.sql.params.title,
      preferred: true,
      edits: [{ range: nodeRange(arg), newText: `${literal}, [${result.values.join(', ')}]` }],
    };
  }
  if (second || ctx.adapter.keywordArgs(call).size > 0) return undefined;
  const tuple = result.values.length === 1 ? `(${result.values[0]},)` : `(${result.values.join(', ')})`;
  const literal = ctx.adapter.stringLiteral(result.sql, undefined);
  return { title: TAINT_FIXES.sql.params.title, preferred: true, edits: [{ range: nodeRange(arg), newText: `${literal}, ${tuple}` }] };
}

/**
 * `fs.readFile(path.join(ROOT, name))` → `path.join(ROOT, path.basename(name))`: the file
 * stays inside ROOT. Offered only for a join/resolve whose last part is the variable one.
 */
function pathFix(ctx: FileContext, hit: SinkHit): Fix | undefined {
  const arg = hit.arg;
  if (!arg || (arg.type !== 'call_expression' && arg.type !== 'call')) return undefined;
  const callee = ctx.adapter.callee(arg);
  const qualified = callee ? ctx.adapter.qualify(callee, ctx.bindings) : null;
  const js = ctx.adapter.family === 'js';
  const joins = js ? ['path.join', 'path.resolve', 'path.posix.join', 'path.posix.resolve'] : ['os.path.join'];
  if (!qualified || !joins.includes(qualified)) return undefined;
  const parts = ctx.adapter.positionalArgs(arg);
  const last = parts[parts.length - 1];
  if (parts.length < 2 || !last || ctx.adapter.constantValue(last, ctx.bindings) !== undefined) return undefined;
  if (parts.slice(0, -1).some((p) => ctx.adapter.constantValue(p, ctx.bindings) === undefined && p.type !== 'identifier' && p.type !== 'member_expression' && p.type !== 'attribute')) return undefined;
  // The module's local name, as the file already uses it (`path`, `os.path`).
  const base = callee!.type === 'member_expression' || callee!.type === 'attribute' ? callee!.childForFieldName('object')!.text : undefined;
  if (!base) return undefined;
  return { title: TAINT_FIXES.path.basename.title, preferred: true, edits: [{ range: nodeRange(last), newText: `${base}.basename(${last.text})` }] };
}

/** The fixes for one taint finding, best first. */
export function taintFixes(ctx: FileContext, hit: SinkHit, local?: ReadonlyMap<string, Summary>): Fix[] {
  try {
    return fixesFor(ctx, hit, local);
  } catch {
    // Code a fix did not foresee (or a bug in it) costs the fix, not the finding.
    return [];
  }
}

function fixesFor(ctx: FileContext, hit: SinkHit, local?: ReadonlyMap<string, Summary>): Fix[] {
  if (hit.kind === 'path') {
    const basename = pathFix(ctx, hit);
    const contained = hit.arg && pathContainmentFix(ctx, hit.arg, local);
    return [basename, contained && basename ? { ...contained, preferred: false } : contained].filter((f): f is Fix => !!f);
  }
  const fix = taintFix(ctx, hit, local);
  return fix ? [fix] : [];
}

function taintFix(ctx: FileContext, hit: SinkHit, local?: ReadonlyMap<string, Summary>): Fix | undefined {
  // The catalog is what the rule pages promise; a fix outside it would go unmentioned.
  if (taintFixFor(hit.kind, ctx.adapter.family).length === 0) return undefined;
  switch (hit.kind) {
    case 'sql':
      return sqlFix(ctx, hit);
    case 'redirect':
      return redirectFix(ctx, hit, local);
    case 'command':
      return shellQuoteFix(ctx, hit);
    case 'code':
      return dataEvalFix(ctx, hit.node);
    case 'html':
      return htmlEscapeFix(ctx, hit);
    case 'template':
      return templateContextFix(ctx, hit);
    case 'ssrf':
      return hit.arg && hostAllowListFix(ctx, hit.arg, local);
    default:
      return undefined;
  }
}

/**
 * The helper the redirect fix adds. The analysis knows it by its body, not its name
 * (sitePathGuard.ts: a value checked to start with `/` and not `//`, `/\`, `/<tab>`, …
 * is clean for redirects), so a function that merely has this name proves nothing.
 */
function redirectHelper(ctx: FileContext): string {
  if (ctx.adapter.family === 'python') {
    return String.raw`


def safe_redirect(target):
    """Allows only paths on this site ("/account"), never "//evil.example" or "https://..."."""
    # Browsers read "\" as "/" and drop tabs and newlines, so none of them may follow the "/".
    if (
        isinstance(target, str)
        and target.startswith("/")
        and not target.startswith(("//", "/\\", "/\t", "/\n", "/\r"))
    ):
        return target
    return "/"
`;
  }
  const typed = ctx.language.id === 'typescript' || ctx.language.id === 'tsx';
  return String.raw`

// Allows only paths on this site ("/account"), never "//evil.example" or "https://…".
// Browsers read "\" as "/" and drop tabs and newlines, so none of them may follow the "/".
function safeRedirect(target${typed ? ': unknown): string' : ')'} {
  return typeof target === 'string' && /^\/(?![/\\\t\n\r])/.test(target) ? target : '/';
}
`;
}

function insideFunction(node: SyntaxNode): boolean {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'function_definition' || n.type === 'lambda') return true;
  return false;
}

/**
 * An open redirect becomes a redirect through a small allow-list helper (same-site paths
 * only), added once at the end of the file. A function of that name that is already there
 * is used only when the analysis shows it lets nothing else through (`local`: the
 * summaries of the file's own functions).
 */
function redirectFix(ctx: FileContext, hit: SinkHit, local?: ReadonlyMap<string, Summary>): Fix | undefined {
  // `location.href = next`: the assigned value is the destination.
  const arg = hit.node.type === 'assignment_expression' ? hit.node.childForFieldName('right') : hit.arg;
  if (!arg || (hit.node.type !== 'call_expression' && hit.node.type !== 'call' && hit.node.type !== 'assignment_expression')) return undefined;
  const js = ctx.adapter.family === 'js';
  // Module-level Python code runs before a helper defined at the end of the file exists.
  if (!js && !insideFunction(hit.node)) return undefined;
  // A URL built on a fixed absolute prefix would always be turned away by the helper.
  const pieces: Piece[] = [];
  if (flatten(ctx, arg, pieces) && 'text' in pieces[0]! && /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(pieces[0].text)) return undefined;
  const name = js ? 'safeRedirect' : 'safe_redirect';
  const facts = fileFacts(ctx);
  const taken = facts.mentions(name);
  if (taken && !local?.get(name)?.returnCleanFor?.get(0)?.includes('redirect')) return undefined;
  const edits = [{ range: nodeRange(arg), newText: `${name}(${arg.text})` }];
  if (!taken) edits.push({ range: { start: facts.endOfCode(), end: facts.endOfFile() }, newText: redirectHelper(ctx) });
  return { title: TAINT_FIXES.redirect.site.title, preferred: true, edits };
}

interface FileFacts {
  /** The text has `name` as a word. */
  mentions(name: string): boolean;
  /** Where the last non-blank character ends. */
  endOfCode(): Position;
  endOfFile(): Position;
  firstImport(): SyntaxNode | undefined;
}

const factsOf = new WeakMap<FileContext, FileFacts>();

/**
 * What fixes read from the whole file, computed once per file: a file can have thousands of
 * findings, and reading the text or the top-level statements per fix made it quadratic
 * (14 s of fixes on a 2 MB file).
 */
function fileFacts(ctx: FileContext): FileFacts {
  let facts = factsOf.get(ctx);
  if (facts) return facts;
  const mentioned = new Map<string, boolean>();
  let code: Position | undefined;
  let imports: { node: SyntaxNode | undefined } | undefined;
  facts = {
    mentions: (name) => {
      let m = mentioned.get(name);
      if (m === undefined) mentioned.set(name, (m = new RegExp(`\\b${name}\\b`).test(ctx.text)));
      return m;
    },
    endOfCode: () => {
      if (!code) {
        const trimmed = ctx.text.replace(/\s+$/, '');
        const lastBreak = trimmed.lastIndexOf('\n');
        let line = 0;
        for (let i = trimmed.indexOf('\n'); i !== -1; i = trimmed.indexOf('\n', i + 1)) line++;
        code = { line, character: trimmed.length - lastBreak - 1 };
      }
      return code;
    },
    endOfFile: () => {
      const end = ctx.tree.rootNode.endPosition;
      return { line: end.row, character: end.column };
    },
    firstImport: () => {
      imports ??= { node: ctx.tree.rootNode.namedChildren.find((c) => c?.type === 'import_statement' || c?.type === 'import_from_statement') ?? undefined };
      return imports.node;
    },
  };
  factsOf.set(ctx, facts);
  return facts;
}

/**
 * `os.system("tar czf b.tgz " + folder)` → `… + shlex.quote(folder)`: each value spliced
 * into the shell command is quoted as one word. Added `import shlex` when it is missing.
 */
function shellQuoteFix(ctx: FileContext, hit: SinkHit): Fix | undefined {
  if (ctx.adapter.family !== 'python' || !hit.arg) return undefined;
  const pieces: Piece[] = [];
  if (!flatten(ctx, hit.arg, pieces)) return undefined;
  const exprs = pieces.filter((p): p is { expr: SyntaxNode } => 'expr' in p);
  if (exprs.length === 0 || exprs.length === pieces.length) return undefined;
  // A value that is several words already (`" ".join(args)`, a list) is not one argument.
  if (exprs.some((p) => /\.join\(|^\[|^\*/.test(p.expr.text))) return undefined;
  // Quoting helps only where the value becomes one argument of a fixed program: not inside
  // the command's own quotes (it would be quoted twice), nor as the program itself.
  let text = '';
  for (const p of pieces) {
    if ('text' in p) text += p.text;
    else if (!quotedArgumentFits(text)) return undefined;
    else text += 'x';
  }
  const local = [...ctx.bindings.imports.entries()].find(([, b]) => b.qualified === 'shlex')?.[0];
  const quote = local ?? 'shlex';
  const edits = exprs.map((p) => ({ range: nodeRange(p.expr), newText: `${quote}.quote(${p.expr.text})` }));
  if (!local) {
    const firstImport = fileFacts(ctx).firstImport();
    if (!firstImport || /^from\s+__future__/.test(firstImport.text)) return undefined;
    const at = { line: firstImport.startPosition.row, character: 0 };
    edits.unshift({ range: { start: at, end: at }, newText: 'import shlex\n' });
  }
  return { title: TAINT_FIXES.command.shlex.title, preferred: true, edits };
}
