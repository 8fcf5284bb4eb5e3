/**
 * An HCL file read into blocks and attributes that keep their places in the text. Values are
 * not read here (values.ts evaluates an attribute's expression when a check asks): a block is
 * its type, labels and body; a body is its attributes and nested blocks, in order.
 */
import type { SyntaxNode, Tree } from '../parser';
import type { DocRange } from '../documentPack';

/** Offsets into the file's text (UTF-16 units, as tree-sitter's and the editor's). */
export interface Span {
  start: number;
  end: number;
}

export interface HclAttribute {
  name: string;
  /** The whole `name = value`. */
  span: Span;
  nameSpan: Span;
  /** The `expression` node. */
  expr: SyntaxNode;
}

export interface HclBody {
  attributes: HclAttribute[];
  blocks: HclBlock[];
  /** After `{` and before `}` (an empty span at the end of the file for the top level). */
  inner: Span;
}

export interface HclBlock {
  type: string;
  labels: string[];
  span: Span;
  typeSpan: Span;
  body: HclBody;
  /** The `}` that closes the block (undefined when the parser had to invent it). */
  close: Span | undefined;
}

export interface HclFile {
  text: string;
  body: HclBody;
  lineStarts: number[];
  hasErrors: boolean;
}

export function readHcl(tree: Tree, text: string): HclFile {
  const root = tree.rootNode;
  const body = root.namedChildren.find((c): c is SyntaxNode => !!c && c.type === 'body');
  return {
    text,
    body: body ? readBody(body, { start: body.startIndex, end: body.endIndex }) : { attributes: [], blocks: [], inner: { start: text.length, end: text.length } },
    lineStarts: lineStartsOf(text),
    hasErrors: root.hasError,
  };
}

function spanOf(n: SyntaxNode): Span {
  return { start: n.startIndex, end: n.endIndex };
}

function readBody(body: SyntaxNode | undefined, inner: Span): HclBody {
  const out: HclBody = { attributes: [], blocks: [], inner };
  for (const c of body?.namedChildren ?? []) {
    if (!c) continue;
    if (c.type === 'attribute') {
      const name = c.namedChild(0);
      const expr = c.namedChildren.find((x): x is SyntaxNode => !!x && x.type === 'expression');
      if (name && expr) out.attributes.push({ name: name.text, span: spanOf(c), nameSpan: spanOf(name), expr });
    } else if (c.type === 'block') {
      const block = readBlock(c);
      if (block) out.blocks.push(block);
    }
  }
  return out;
}

function readBlock(n: SyntaxNode): HclBlock | undefined {
  const type = n.namedChild(0);
  if (!type || type.type !== 'identifier') return undefined;
  const labels: string[] = [];
  let open: SyntaxNode | undefined;
  let close: SyntaxNode | undefined;
  let body: SyntaxNode | undefined;
  for (const c of n.namedChildren.slice(1)) {
    if (!c) continue;
    if (c.type === 'string_lit') labels.push(c.namedChildren.filter((t) => !!t && t.type === 'template_literal').map((t) => t!.text).join(''));
    else if (c.type === 'identifier' && !open) labels.push(c.text);
    else if (c.type === 'block_start') open = c;
    else if (c.type === 'block_end') close = c;
    else if (c.type === 'body') body = c;
  }
  const innerStart = open ? open.endIndex : n.endIndex;
  const innerEnd = close && !close.isMissing ? close.startIndex : n.endIndex;
  return {
    type: type.text,
    labels,
    span: spanOf(n),
    typeSpan: spanOf(type),
    body: readBody(body, { start: innerStart, end: innerEnd }),
    close: close && !close.isMissing ? spanOf(close) : undefined,
  };
}

export function attribute(body: HclBody | undefined, name: string): HclAttribute | undefined {
  return body?.attributes.find((a) => a.name === name);
}

export function blocksOf(body: HclBody | undefined, type: string): HclBlock[] {
  return body?.blocks.filter((b) => b.type === type) ?? [];
}

/** `dynamic "name" { … }` blocks generating `name` blocks: what they hold is not known here. */
export function hasDynamic(body: HclBody | undefined, type: string): boolean {
  return !!body?.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === type);
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function positionAt(file: { lineStarts: number[] }, offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = file.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (file.lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - file.lineStarts[lo]! };
}

export function rangeAt(file: { lineStarts: number[] }, span: Span): DocRange {
  return { start: positionAt(file, span.start), end: positionAt(file, span.end) };
}
