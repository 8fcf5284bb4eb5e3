/**
 * Fixes that set a container's `securityContext` fields to their safe values, written with
 * the file's own indentation: the value replaced where the key is there, the key added to
 * the container's `securityContext` otherwise, and the block created when the container
 * has none. A `securityContext` that is not a mapping (an alias, a null) gets no fix.
 */
import type { DocEdit, DocFix } from '../documentPack';
import { get, pairOfKey, rangeOf, YamlFile, YamlMap, YamlValue } from '../yaml/document';
import { addPair, NewValue } from '../yaml/edits';
import type { Container } from './manifest';

/** Replaces a scalar value (or an empty one) with `text`. */
export function replaceValue(file: YamlFile, value: YamlValue, text: string): DocEdit {
  return { range: rangeOf(file, value.node.startIndex, value.node.endIndex), newText: text };
}

/**
 * `path` (`['capabilities', 'drop']`) set to `value` inside `map`: the deepest existing
 * mapping on the way gets the rest as a nested block; an existing scalar at the end is
 * replaced. Undefined when something on the way is not a mapping.
 */
export function setPath(file: YamlFile, map: YamlMap, path: string[], value: string): DocEdit | undefined {
  let here = map;
  for (let i = 0; i < path.length; i++) {
    const pair = pairOfKey(here, path[i]!);
    if (!pair) {
      const rest = path.slice(i + 1).reduceRight<NewValue>((inner, key) => [[key, inner]], value);
      return addPair(file, here, path[i]!, rest);
    }
    if (i === path.length - 1) return pair.value && pair.value.type === 'scalar' && pair.value.style !== 'alias' ? replaceValue(file, pair.value, value) : undefined;
    if (pair.value?.type !== 'map') return undefined;
    here = pair.value;
  }
  return undefined;
}

/** One fix: `securityContext.<path>` of the container set to `value`. */
export function securityContextFix(file: YamlFile, container: Container, path: string[], value: string, title: string): DocFix[] {
  const existing = get(container.map, 'securityContext');
  let edit: DocEdit | undefined;
  if (container.securityContext) edit = setPath(file, container.securityContext, path, value);
  else if (existing === undefined && !container.map.pairs.some((p) => p.key === 'securityContext')) edit = setPath(file, container.map, ['securityContext', ...path], value);
  return edit ? [{ title, edits: [edit], preferred: true }] : [];
}
