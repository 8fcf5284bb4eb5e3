/** A YAML file parsed with the line of every key, for errors that point at the line. */
import { isMap, isNode, isScalar, LineCounter, parseDocument } from 'yaml';

export interface YamlWithLines {
  data: unknown;
  /** The line (1-based) of the value at `path` (of its key, in a mapping), or of its nearest parent that exists. */
  lineAt: (path: (string | number)[]) => number;
}

/** Text that is not YAML, with the line of the first error. */
export class YamlSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(`line ${line}: ${reason}`);
  }
}

export function parseYamlWithLines(text: string): YamlWithLines {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) throw new YamlSyntaxError(lineCounter.linePos(doc.errors[0]!.pos[0]).line, doc.errors[0]!.message.split('\n')[0]!);
  const lineAt = (path: (string | number)[]): number => {
    for (let p = path; ; p = p.slice(0, -1)) {
      // A mapping's entry is at its key (`sinks:` above its rows, an unknown key on its own line).
      const parent = p.length === 0 ? undefined : p.length === 1 ? doc.contents : doc.getIn(p.slice(0, -1), true);
      const pair = isMap(parent) ? parent.items.find((i) => isScalar(i.key) && String(i.key.value) === String(p[p.length - 1])) : undefined;
      const node = pair ? pair.key : p.length === 0 ? doc.contents : doc.getIn(p, true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      if (p.length === 0) return 1;
    }
  };
  return { data: doc.toJS() as unknown, lineAt };
}
