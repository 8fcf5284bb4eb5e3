/** What the Kubernetes checks share: where a container or pod finding points, the captures every message may use, list edits. */
import type { CheckHit, DocEdit, DocFix, DocRange } from '../../documentPack';
import { get, nodeRange, rangeOf, YamlFile, YamlSeq, YamlValue } from '../../yaml/document';
import type { Container, K8sObject, PodSpec } from '../manifest';

/** Words for messages: `container` (its name), `object` (`Deployment/shop`, as kubectl writes it), `where` (the container, else the object). */
export function captures(container: Container | undefined, owner: K8sObject, extra: Record<string, string> = {}): Record<string, string> {
  const object = `${owner.kind}/${owner.name || '(unnamed)'}`;
  const name = container ? container.name || '(unnamed)' : '';
  return { container: name, object, where: container ? name : object, kind: owner.kind, name: owner.name, ...extra };
}

/** A finding about a container as a whole: on its `name:` value (else its `image:`, else its first key), anchored on the container. */
export function containerHit(container: Container, extra: Record<string, string>, fixes: DocFix[] = []): CheckHit {
  const spot = get(container.map, 'name') ?? get(container.map, 'image');
  const range = spot ? nodeRange(spot.node) : nodeRange(container.map.pairs[0]?.keyNode ?? container.map.node);
  return { range, anchor: nodeRange(container.map.node), captures: captures(container, container.pod.owner, extra), fixes };
}

/** A finding on a value of a container's settings (`privileged: true`), anchored on its key and value. */
export function valueHit(value: YamlValue, container: Container | undefined, owner: K8sObject, extra: Record<string, string> = {}, fixes: DocFix[] = []): CheckHit {
  return { range: nodeRange(value.node), captures: captures(container, owner, extra), fixes };
}

/** Where a pod-wide finding with nothing to point at goes: the key that holds the pod spec. */
export function podRange(pod: PodSpec): DocRange {
  return nodeRange(pod.specKey);
}

/** Removes item `index` of a list: its whole line in a block list, the item and a comma in a flow list. */
export function removeItem(file: YamlFile, seq: YamlSeq, index: number): DocEdit | undefined {
  const item = seq.items[index];
  if (!item) return undefined;
  if (seq.flow) {
    const next = seq.items[index + 1];
    const prev = seq.items[index - 1];
    if (next) return { range: rangeOf(file, item.node.startIndex, next.node.startIndex), newText: '' };
    if (prev) return { range: rangeOf(file, prev.node.endIndex, item.node.endIndex), newText: '' };
    return { range: rangeOf(file, item.node.startIndex, item.node.endIndex), newText: '' };
  }
  const row = item.node.startPosition.row;
  const lineStart = file.lineStarts[row]!;
  const before = file.text.slice(lineStart, item.node.startIndex);
  // The item must be alone on its lines (`- SYS_ADMIN`), not the first of a nested list on a key's line.
  if (!/^\s*-\s*$/.test(before)) return undefined;
  const endRow = item.node.endPosition.row;
  const end = file.lineStarts[endRow + 1] ?? file.text.length;
  if (seq.items.length === 1) {
    // `add:` with nothing under it reads as null; `add: []` says "none" plainly.
    const keyEnd = seq.node.parent?.parent?.childForFieldName('key')?.endIndex;
    // Comments between the key and the item stay: then the item's line goes, leaving the key empty (null, no entries).
    if (keyEnd !== undefined && !file.text.slice(keyEnd, item.node.startIndex).includes('#')) return { range: rangeOf(file, keyEnd, item.node.endIndex), newText: ': []' };
  }
  return { range: rangeOf(file, lineStart, end), newText: '' };
}
