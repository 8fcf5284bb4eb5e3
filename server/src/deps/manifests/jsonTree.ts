/** JSON with positions (jsonc-parser, as VS Code reads settings): values by key, and where each key is. */
import { getNodeValue, Node, parseTree, ParseError } from 'jsonc-parser';
import { ManifestError } from '../dependency';

export type { Node };

export function parseJsonTree(text: string, file: string): Node {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (!root || errors.length > 0 || root.type !== 'object') throw new ManifestError(`${file}: not valid JSON${errors[0] ? ` (at offset ${errors[0].offset})` : ''}`);
  return root;
}

/** The value node of `key` in an object node. */
export function child(node: Node | undefined, key: string): Node | undefined {
  if (!node || node.type !== 'object') return undefined;
  for (const prop of node.children ?? []) if (prop.children?.[0]?.value === key) return prop.children[1];
  return undefined;
}

/** [key, key node, value node] of each property of an object node. */
export function entries(node: Node | undefined): [string, Node, Node][] {
  if (!node || node.type !== 'object') return [];
  const out: [string, Node, Node][] = [];
  for (const prop of node.children ?? []) {
    const [k, v] = prop.children ?? [];
    if (k && v && typeof k.value === 'string') out.push([k.value, k, v]);
  }
  return out;
}

export function stringAt(node: Node | undefined, key: string): string | undefined {
  const v = child(node, key);
  return v?.type === 'string' ? (v.value as string) : undefined;
}

export function valueOf(node: Node | undefined): unknown {
  return node ? getNodeValue(node) : undefined;
}
