/**
 * A YAML file read into plain values that keep their places in the text: mappings (with
 * each key's node), sequences and scalars (decoded, with their style). Shared by the packs
 * whose files are YAML (GitHub Actions now; Kubernetes and Compose can read the same model).
 * Anchors and tags are looked through; an alias reads as an empty scalar (its target is
 * elsewhere), which the checks treat as "unknown".
 */
import type { SyntaxNode, Tree } from '../parser';
import type { DocRange } from '../documentPack';

export type YamlValue = YamlMap | YamlSeq | YamlScalar;

interface YamlBase {
  node: SyntaxNode;
}

export interface YamlScalar extends YamlBase {
  type: 'scalar';
  /** The decoded value (quotes removed, block scalars unindented). */
  value: string;
  style: 'plain' | 'single' | 'double' | 'block' | 'alias';
}

export interface YamlPair {
  key: string;
  keyNode: SyntaxNode;
  value: YamlValue | undefined;
  node: SyntaxNode;
}

export interface YamlMap extends YamlBase {
  type: 'map';
  flow: boolean;
  pairs: YamlPair[];
}

export interface YamlSeq extends YamlBase {
  type: 'seq';
  flow: boolean;
  items: YamlValue[];
}

export interface YamlFile {
  text: string;
  tree: Tree;
  /** One value per `---` document (undefined for an empty one). */
  documents: (YamlValue | undefined)[];
  /** Offsets where each line starts (for positions and for edits by line). */
  lineStarts: number[];
  /** The parser could not read some of the text. */
  hasErrors: boolean;
  /** Values marked with an anchor (`&name`), by name: the latest definition (what an alias after it means). */
  anchors: Map<string, YamlValue>;
}

export function readYaml(tree: Tree, text: string): YamlFile {
  const anchors = new Map<string, YamlValue>();
  const documents = tree.rootNode.namedChildren.filter((n): n is SyntaxNode => !!n && n.type === 'document').map((d) => {
    const body = d.namedChildren.find((c) => !!c && c.type !== 'comment');
    return body ? valueOf(body, anchors) : undefined;
  });
  return { text, tree, documents, lineStarts: lineStartsOf(text), hasErrors: tree.rootNode.hasError, anchors };
}

/** The 1-based line near which the parser first could not read the text, if anywhere. */
export function firstErrorLine(file: YamlFile): number | undefined {
  if (!file.hasErrors) return undefined;
  let node: SyntaxNode | null = file.tree.rootNode;
  // Down the first child holding an error, to the error itself.
  while (node && node.type !== 'ERROR' && !node.isMissing) {
    node = node.children.find((c) => !!c && (c.hasError || c.isMissing || c.type === 'ERROR')) ?? null;
  }
  // The parser gives up where an ERROR ends (what it read before that fitted); a missing
  // token is where it stands.
  return node ? (node.isMissing ? node.startPosition.row : node.endPosition.row) + 1 : undefined;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** The value a `block_node`/`flow_node` (or a bare mapping, sequence or scalar) holds. */
function valueOf(node: SyntaxNode, anchors: Map<string, YamlValue>): YamlValue | undefined {
  let n: SyntaxNode | null = node;
  let anchor: string | undefined;
  if (n.type === 'block_node' || n.type === 'flow_node') {
    anchor = n.namedChildren.find((c) => !!c && c.type === 'anchor')?.text.slice(1);
    n = n.namedChildren.find((c) => !!c && c.type !== 'anchor' && c.type !== 'tag' && c.type !== 'comment') ?? null;
  }
  if (!n) return undefined;
  const value = plainValueOf(n, anchors);
  if (anchor && value) anchors.set(anchor, value);
  return value;
}

function plainValueOf(n: SyntaxNode, anchors: Map<string, YamlValue>): YamlValue | undefined {
  switch (n.type) {
    case 'block_mapping':
    case 'flow_mapping':
      return { type: 'map', node: n, flow: n.type === 'flow_mapping', pairs: n.namedChildren.flatMap((p) => (p ? pairOf(p, anchors) : [])) };
    case 'block_sequence':
      return { type: 'seq', node: n, flow: false, items: n.namedChildren.flatMap((i) => (i && i.type === 'block_sequence_item' && i.namedChild(0) ? [valueOf(i.namedChild(0)!, anchors)].filter(isValue) : [])) };
    case 'flow_sequence':
      return { type: 'seq', node: n, flow: true, items: n.namedChildren.flatMap((i) => (i ? [valueOf(i, anchors)].filter(isValue) : [])) };
    case 'plain_scalar':
      return { type: 'scalar', node: n, style: 'plain', value: n.text.replace(/\s*\n\s*/g, ' ') };
    case 'single_quote_scalar':
      return { type: 'scalar', node: n, style: 'single', value: fold(n.text.slice(1, -1)).replace(/''/g, "'") };
    case 'double_quote_scalar':
      return { type: 'scalar', node: n, style: 'double', value: unescapeDouble(fold(n.text.slice(1, -1))) };
    case 'block_scalar':
      return { type: 'scalar', node: n, style: 'block', value: blockValue(n.text) };
    case 'alias':
      return { type: 'scalar', node: n, style: 'alias', value: '' };
    default:
      return undefined;
  }
}

function isValue(v: YamlValue | undefined): v is YamlValue {
  return !!v;
}

function pairOf(p: SyntaxNode, anchors: Map<string, YamlValue>): YamlPair[] {
  if (p.type !== 'block_mapping_pair' && p.type !== 'flow_pair') {
    // `{ a, b }`: keys without values.
    if (p.type === 'flow_node') {
      const key = valueOf(p, anchors);
      return key?.type === 'scalar' ? [{ key: key.value, keyNode: p, value: undefined, node: p }] : [];
    }
    return [];
  }
  const keyNode = p.childForFieldName('key');
  const valueNode = p.childForFieldName('value');
  if (!keyNode) return [];
  const key = valueOf(keyNode, anchors);
  if (!key || key.type !== 'scalar') return [];
  return [{ key: key.value, keyNode, value: valueNode ? valueOf(valueNode, anchors) : undefined, node: p }];
}

/** Line folding inside quotes: a line break with its surrounding spaces reads as one space. */
function fold(s: string): string {
  return s.replace(/[ \t]*\n[ \t]*/g, ' ');
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', '/': '/', '0': '\0', ' ': ' ', e: '\x1b', a: '\x07', b: '\b' };

function unescapeDouble(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (whole, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ESCAPES[e] ?? whole;
  });
}

/** `|`, `|-`, `>`, `>+2` … and the indented lines below: the lines without their common indentation. */
function blockValue(raw: string): string {
  const nl = raw.indexOf('\n');
  if (nl < 0) return '';
  const header = raw.slice(0, nl);
  const lines = raw.slice(nl + 1).split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  const body = lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n').replace(/\s+$/, '');
  return header.trimStart().startsWith('>') ? body.replace(/([^\n])\n(?=[^\n ])/g, '$1 ') : body;
}

export function get(map: YamlValue | undefined, key: string): YamlValue | undefined {
  return map?.type === 'map' ? map.pairs.find((p) => p.key === key)?.value : undefined;
}

export function pairOfKey(map: YamlValue | undefined, key: string): YamlPair | undefined {
  return map?.type === 'map' ? map.pairs.find((p) => p.key === key) : undefined;
}

export function scalar(v: YamlValue | undefined): string | undefined {
  return v?.type === 'scalar' ? v.value : undefined;
}

/** A zero-based line/character range of text offsets (tree-sitter's columns are UTF-16 units, as LSP's). */
export function rangeOf(file: YamlFile, start: number, end: number): DocRange {
  return { start: positionOf(file, start), end: positionOf(file, end) };
}

export function nodeRange(node: SyntaxNode): DocRange {
  return { start: { line: node.startPosition.row, character: node.startPosition.column }, end: { line: node.endPosition.row, character: node.endPosition.column } };
}

export function positionOf(file: YamlFile, offset: number): { line: number; character: number } {
  let lo = 0;
  let hi = file.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (file.lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - file.lineStarts[lo]! };
}

/** The column a line's text starts at. */
export function indentOfLine(file: YamlFile, line: number): number {
  const start = file.lineStarts[line] ?? 0;
  let i = start;
  while (file.text[i] === ' ') i++;
  return i - start;
}

/** Lines where a YAML document starts (`---`), where a file may be cut into parts read alone. */
export function documentStarts(text: string): number[] {
  const lines: number[] = [];
  let line = 0;
  for (let i = 0; i < text.length; i++) {
    if ((i === 0 || text.charCodeAt(i - 1) === 10) && text.startsWith('---', i) && /^---(?:[ \t#\r\n]|$)/.test(text.slice(i, i + 5))) lines.push(line);
    if (text.charCodeAt(i) === 10) line++;
  }
  return lines;
}

/** tree-sitter-yaml keeps rows in 16 bits: a longer file parses as one error. */
export const YAML_MAX_LINES = 32000;

/** What an alias (`*name`) stands for, when its anchor came before it; other values as they are. */
export function resolved(file: YamlFile, v: YamlValue | undefined): YamlValue | undefined {
  return v?.type === 'scalar' && v.style === 'alias' ? file.anchors.get(v.node.text.slice(1).trim()) : v;
}

/**
 * A mapping with its merge keys (`<<: *defaults`, `<<: [*a, *b]`) applied: its own entries,
 * then those of the merged mappings it does not set itself (the first merged one wins).
 */
export function withMerges(file: YamlFile, map: YamlMap): YamlMap {
  const merge = map.pairs.find((p) => p.key === '<<');
  if (!merge) return map;
  const sources = merge.value?.type === 'seq' ? merge.value.items : merge.value ? [merge.value] : [];
  const pairs = map.pairs.filter((p) => p.key !== '<<');
  const seen = new Set(pairs.map((p) => p.key));
  for (const source of sources) {
    const m = resolved(file, source);
    if (m?.type !== 'map') continue;
    for (const p of m.pairs) if (p.key !== '<<' && !seen.has(p.key)) (seen.add(p.key), pairs.push(p));
  }
  return { ...map, pairs };
}
