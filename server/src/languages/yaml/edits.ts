/**
 * Edits that add keys to YAML mappings the way a person would write them: a block mapping
 * gets a new line at its keys' indentation after its last entry (comments on that line stay
 * with it), a flow mapping (`{ a: 1 }`) a `, key: value` before its brace.
 */
import type { DocEdit } from '../documentPack';
import { indentOfLine, rangeOf, YamlFile, YamlMap, YamlValue } from './document';

/** The indentation step the file uses (the first nested block's), 2 when it has none. */
export function indentStep(file: YamlFile): number {
  for (let line = 1; line < file.lineStarts.length; line++) {
    const prev = file.text.slice(file.lineStarts[line - 1], file.lineStarts[line]).trimEnd();
    if (!prev.endsWith(':') || prev.trimStart().startsWith('#')) continue;
    const here = indentOfLine(file, line);
    const there = indentOfLine(file, line - 1);
    const text = file.text.slice(file.lineStarts[line], file.lineStarts[line + 1] ?? file.text.length).trim();
    if (text && here > there) return here - there;
  }
  return 2;
}

/** The column a block mapping's keys start at. */
export function keyColumn(map: YamlMap): number {
  return map.pairs[0]?.keyNode.startPosition.column ?? map.node.startPosition.column;
}

/** Where the text of a mapping's last entry ends (its last line, trailing comment included). */
function endOfLastEntry(file: YamlFile, map: YamlMap): number {
  const last = map.pairs[map.pairs.length - 1];
  let end = last ? last.node.endIndex : map.node.endIndex;
  while (end > 0 && /\s/.test(file.text[end - 1]!)) end--;
  const nl = file.text.indexOf('\n', end);
  const lineEnd = nl < 0 ? file.text.length : nl;
  return file.text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
}

/** A value to write: one line of YAML, or `[key, value]` pairs of a nested mapping (any depth). */
export type NewValue = string | [string, NewValue][];

function flowOf(value: NewValue): string {
  return typeof value === 'string' ? value : `{ ${value.map(([k, v]) => `${k}: ${flowOf(v)}`).join(', ')} }`;
}

/** `key: value` as block lines at `indent` (the first line without its indentation), nested mappings one step further each. */
function blockOf(key: string, value: NewValue, indent: string, step: string, eol: string): string {
  if (typeof value === 'string') return `${key}: ${value}`;
  return `${key}:${value.map(([k, v]) => `${eol}${indent}${step}${blockOf(k, v, indent + step, step, eol)}`).join('')}`;
}

/**
 * Adds `key: value` to a mapping. `value` is one line of YAML, or nested `[key, value]`
 * pairs written as a block under the key (as a flow mapping inside a flow mapping).
 */
export function addPair(file: YamlFile, map: YamlMap, key: string, value: NewValue): DocEdit {
  if (map.flow) {
    const close = map.node.endIndex - 1;
    const empty = map.pairs.length === 0;
    let at = close;
    while (at > map.node.startIndex + 1 && /\s/.test(file.text[at - 1]!)) at--;
    return { range: rangeOf(file, at, at), newText: `${empty ? ' ' : ', '}${key}: ${flowOf(value)}${empty ? ' ' : ''}` };
  }
  const indent = ' '.repeat(keyColumn(map));
  const at = endOfLastEntry(file, map);
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  return { range: rangeOf(file, at, at), newText: `${eol}${indent}${blockOf(key, value, indent, ' '.repeat(indentStep(file)), eol)}` };
}

/** A mapping value as a mapping, or undefined (a scalar or an alias cannot take new keys). */
export function asMap(v: YamlValue | undefined): YamlMap | undefined {
  return v?.type === 'map' ? v : undefined;
}
