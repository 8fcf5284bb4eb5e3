/**
 * Paths in JavaScript: `path.join`/`path.resolve` with `path.basename`, and the `pathInside`
 * helper (`path.resolve` + `startsWith(root + path.sep)`) for a path built on a known root.
 */
import type { SyntaxNode } from '../../parser';
import type { FileContext } from '../../../engine/fileContext';
import type { BasenameSyntax } from '../../../fixes/pathBasename';
import type { ContainmentSyntax } from '../../../fixes/pathContainment';
import { appendToFile } from '../../../fixes/placement';
import { isTyped, jsImportDefault } from './placement';

const JOINS = new Set(['path.join', 'path.resolve', 'path.posix.join', 'path.posix.resolve']);
const FUNCTIONS = new Set(['function_declaration', 'function_expression', 'function', 'arrow_function', 'method_definition', 'generator_function_declaration']);

export const basenameSyntax: BasenameSyntax = {
  joins: JOINS,
  basename: (module, value) => `${module}.basename(${value})`,
};

function moduleNames(ctx: FileContext): Set<string> {
  const names = new Set<string>();
  for (const s of ctx.tree.rootNode.namedChildren) {
    if (s?.type !== 'lexical_declaration' && s?.type !== 'variable_declaration') continue;
    for (const d of s.namedChildren) if (d?.type === 'variable_declarator' && d.childForFieldName('name')?.type === 'identifier') names.add(d.childForFieldName('name')!.text);
  }
  return names;
}

/** The values `name` is given in `fn` (not in functions nested in it); null when one is not a `const` declaration. */
function assignmentsIn(fn: SyntaxNode, name: string): SyntaxNode[] | null | undefined {
  const found: SyntaxNode[] = [];
  let other = false;
  let declared = false;
  const params = fn.childForFieldName('parameters') ?? fn.childForFieldName('parameter');
  if (params && (params.text === name || params.descendantsOfType('identifier').some((p) => p?.text === name))) return null;
  const stack: SyntaxNode[] = [fn.childForFieldName('body') ?? fn];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n !== fn && FUNCTIONS.has(n.type)) continue; // a nested function's own names
    if (n.type === 'variable_declarator' && n.childForFieldName('name')?.text === name) {
      declared = true;
      const kind = n.parent?.firstChild?.text;
      if (kind === 'const' && n.childForFieldName('value')) found.push(n.childForFieldName('value')!);
      else other = true;
    } else if ((n.type === 'assignment_expression' || n.type === 'augmented_assignment_expression') && n.childForFieldName('left')?.text === name) {
      declared = true;
      other = true;
    } else if ((n.type === 'for_statement' || n.type === 'for_in_statement') && n.childForFieldName('left')?.text === name) {
      declared = true;
      other = true;
    }
    for (let i = 0; i < n.namedChildCount; i++) stack.push(n.namedChild(i)!);
  }
  if (!declared) return undefined;
  return other ? null : found;
}

/** `const file = <init>`: the only assignment of the variable `use` reads, in the innermost function around it that assigns it (closures included). */
function onlyAssignment(_ctx: FileContext, use: SyntaxNode): SyntaxNode | undefined {
  for (let fn: SyntaxNode | null = use.parent; fn; fn = fn.parent) {
    if (!FUNCTIONS.has(fn.type)) continue;
    const found = assignmentsIn(fn, use.text);
    if (found === undefined) continue; // not assigned here: look in the enclosing function
    if (found === null || found.length !== 1 || found[0]!.startIndex > use.startIndex) return undefined;
    return found[0];
  }
  return undefined;
}

/** `` `${ROOT}/${name}` ``: the root's substitution and the slash after it go. */
function splitTemplate(ctx: FileContext, target: SyntaxNode): { root: SyntaxNode; relative: string } | undefined {
  if (target.type !== 'template_string') return undefined;
  const parts = target.namedChildren.filter((c): c is SyntaxNode => !!c);
  const first = parts[0];
  const next = parts[1];
  const rootExpr = first?.type === 'template_substitution' ? first.namedChild(0) : null;
  if (!first || !next || !rootExpr || first.namedChildCount !== 1 || next.type !== 'string_fragment' || !next.text.startsWith('/')) return undefined;
  const text = ctx.text;
  const relative = text.slice(target.startIndex, first.startIndex) + text.slice(next.startIndex + 1, target.endIndex);
  return { root: rootExpr, relative };
}

function helperText(ctx: FileContext, module: string): string {
  const typed = isTyped(ctx);
  return `

// Resolves \`relative\` under \`root\` and refuses a result outside it ("../", an absolute path).
function pathInside(root${typed ? ': string' : ''}, relative${typed ? ': string' : ''})${typed ? ': string' : ''} {
  const base = ${module}.resolve(root);
  const target = ${module}.resolve(base, relative);
  if (!target.startsWith(base + ${module}.sep)) throw new Error(\`path outside \${base}: \${relative}\`);
  return target;
}
`;
}

export const containmentSyntax: ContainmentSyntax = {
  joins: JOINS,
  rootCalls: new Set(['os.tmpdir', 'process.cwd', 'os.homedir']),
  rootNames: new Set(['__dirname']),
  moduleNames,
  onlyAssignment,
  splitTemplate,
  plainString: (node) => node.type === 'string',
  concatNeedsString: true,
  hoistsFunctions: true,
  helperName: 'pathInside',
  helper(ctx) {
    const path = jsImportDefault(ctx, 'path', 'path', true);
    return path && [appendToFile(ctx, helperText(ctx, path.local)), ...path.edits];
  },
};
