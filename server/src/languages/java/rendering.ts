/**
 * How fix templates write Java (the adapter's fix renderers): an import placed among the
 * file's imports, a command as a `String[]`. The fixes written in code are in fixes/.
 */
import type { SyntaxNode } from '../parser';
import type { Bindings, CommandPiece, ImportInsertion } from '../syntax';
import { encodeJavaString } from './strings';


const JAVA_LANG = /^java\.lang\.[A-Z]\w*$/;

function lineEnd(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The offset just past the line `node` ends on (its line end included), or the end of the text. */
function afterLine(text: string, node: SyntaxNode): number {
  const nl = text.indexOf('\n', node.endIndex);
  return nl < 0 ? text.length : nl + 1;
}

/**
 * `import qualified;` in import order: before the first single-type import that sorts after
 * it, else after the last import; after the package line when there is no import; at the
 * top otherwise. Null when the file already names the class (an import of it, of its
 * package with `*`, the same package, `java.lang`); undefined when its simple name is taken.
 */
export function importLine(qualified: string, root: SyntaxNode, bindings: Bindings, wildcards: readonly string[], text: string): ImportInsertion | null | undefined {
  const dot = qualified.lastIndexOf('.');
  const simple = qualified.slice(dot + 1);
  const pkg = qualified.slice(0, dot);
  const bound = bindings.imports.get(simple);
  if (bound) return bound.qualified === qualified ? null : undefined;
  if (JAVA_LANG.test(qualified) || wildcards.includes(pkg)) return null;
  const eol = lineEnd(text);
  const line = `import ${qualified};${eol}`;
  const children = root.namedChildren.filter((c): c is SyntaxNode => !!c);
  const packageDecl = children.find((c) => c.type === 'package_declaration');
  if (packageDecl && packageDecl.namedChildren.some((c) => c?.text.replace(/\s+/g, '') === pkg)) return null;
  // A class of the file with the same simple name would be shadowed by nothing: refuse.
  if (children.some((c) => /_declaration$/.test(c.type) && c.type !== 'import_declaration' && c.type !== 'package_declaration' && c.childForFieldName('name')?.text === simple)) return undefined;
  const imports = children.filter((c) => c.type === 'import_declaration');
  const plain = imports.filter((c) => !c.children.some((k) => k?.type === 'static'));
  if (plain.length > 0) {
    const later = plain.find((c) => importedName(c) > qualified);
    if (later) return { offset: lineStart(text, later.startIndex), text: line };
    return { offset: afterLine(text, plain[plain.length - 1]!), text: line };
  }
  if (imports.length > 0) return { offset: lineStart(text, imports[0]!.startIndex), text: line };
  if (packageDecl) return { offset: afterLine(text, packageDecl), text: `${eol}${line}` };
  return { offset: 0, text: `${line}${eol}` };
}

function importedName(decl: SyntaxNode): string {
  return decl.text.replace(/^import\s+/, '').replace(/\s*;\s*$/, '').replace(/\s+/g, '');
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Expressions that can be glued into a `+` concatenation without parentheses. */
const PRIMARY = new Set(['identifier', 'field_access', 'method_invocation', 'string_literal', 'array_access', 'this', 'parenthesized_expression']);

/**
 * `new String[] { "ls", "-l", dir }`. A word that is one expression must be a String
 * (`isString`), else it is converted with `String.valueOf` as the concatenation did; a word
 * glued from text and expressions stays a concatenation.
 */
export function argvLiteral(words: CommandPiece[][], isString: (n: SyntaxNode) => boolean): string | undefined {
  const rendered: string[] = [];
  for (const word of words) {
    if (word.length === 1) {
      const p = word[0]!;
      rendered.push('expr' in p ? (isString(p.expr) ? p.expr.text : `String.valueOf(${p.expr.text})`) : encodeJavaString(p.text));
      continue;
    }
    const parts = word.map((p) => ('expr' in p ? (PRIMARY.has(p.expr.type) ? p.expr.text : `(${p.expr.text})`) : encodeJavaString(p.text)));
    // `a + b` of two expressions would add numbers: a word must start from a string.
    if (!('text' in word[0]!) && !('text' in word[1]!) && !isString((word[0] as { expr: SyntaxNode }).expr)) parts.unshift('""');
    rendered.push(parts.join(' + '));
  }
  return `new String[] { ${rendered.join(', ')} }`;
}
