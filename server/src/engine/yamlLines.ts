/** A YAML file parsed with the line of every key, for errors that point at the line. */
import { isNode, LineCounter, parseDocument } from 'yaml';

export interface YamlWithLines {
  data: unknown;
  /** The line (1-based) of the value at `path`, or of its nearest parent that exists. */
  lineAt: (path: (string | number)[]) => number;
}

export function parseYamlWithLines(text: string): YamlWithLines {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) throw new Error(`line ${lineCounter.linePos(doc.errors[0]!.pos[0]).line}: ${doc.errors[0]!.message.split('\n')[0]}`);
  const lineAt = (path: (string | number)[]): number => {
    for (let p = path; ; p = p.slice(0, -1)) {
      const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      if (p.length === 0) return 1;
    }
  };
  return { data: doc.toJS() as unknown, lineAt };
}
