/**
 * Fixtures of `dependency` rules (`<rule-id>.test.yaml`): synthetic OSV records and the
 * manifests to check against them, annotated like code fixtures:
 *
 *   advisories:            # made-up records, never real data
 *     - { id: GHSA-…, affected: [ … ] }
 *   files:
 *     package.json: |
 *       { "dependencies": {
 *         // ruleid: dep-vulnerable-npm
 *         "lodash": "4.17.4" } }
 *
 * Annotation lines are taken out of each file before it is written (JSON has no comments),
 * the files are scanned against an index built from the records, and each finding is put
 * back on the fixture's own line, so the usual ruleid/ok checks apply to the YAML file.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { FileResult } from '../engine/finding';
import type { Rule } from '../engine/rule';
import { IndexWriter } from './advisoryIndex';
import { ecosystemNamed } from './ecosystem';
import { advisoriesOfRecord } from './osvRecord';
import { OsvDependencyScanner } from './scanner';

const ANNOTATION_LINE = /^\s*(?:\/\/|#|<!--)\s*(?:ruleid|ok|todoruleid)\s*:/;

export function scanRuleFixture(text: string, rule: Rule): FileResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const fail = (message: string): FileResult => ({ findings: [], notices: [{ kind: 'rule-error', message }] });
  if (doc.errors.length > 0) return fail(`fixture is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}`);
  const ecosystem = ecosystemNamed(rule.ecosystem ?? '');
  if (!ecosystem) return fail(`rule ${rule.id} has no known ecosystem`);
  const data = doc.toJS() as { advisories?: unknown[]; files?: Record<string, string> };
  const filesNode = doc.get('files', true);
  if (!Array.isArray(data.advisories) || !isMap(filesNode)) return fail('a dependency fixture needs `advisories:` (a list of OSV records) and `files:` (name: text)');
  const dir = mkdtempSync(join(tmpdir(), 'ward-dep-fixture-'));
  try {
    const writer = new IndexWriter(ecosystem);
    for (const record of data.advisories) for (const [name, advisory] of advisoriesOfRecord(record, ecosystem)) writer.add(name, advisory);
    const db = join(dir, 'db', ecosystem);
    mkdirSync(db, { recursive: true });
    writer.write(db, { source: 'fixture', importedAt: new Date().toISOString(), sha256: '' });
    const scanner = new OsvDependencyScanner({ folder: join(dir, 'db'), maxAgeDays: 36500, ignore: [] });
    const out: FileResult = { findings: [], notices: [] };
    const written: { name: string; stripped: string; lineMap: number[] }[] = [];
    for (const pair of filesNode.items) {
      if (!isScalar(pair.key) || !isScalar(pair.value) || !pair.value.range) continue;
      const name = String(pair.key.value);
      // A block scalar's text starts on the line after its `name: |` header.
      const firstLine = lineCounter.linePos(pair.value.range[0]).line;
      const lines = String(pair.value.value).split('\n');
      const lineMap: number[] = [];
      const kept: string[] = [];
      lines.forEach((l, i) => {
        if (ANNOTATION_LINE.test(l)) return;
        kept.push(l);
        lineMap.push(firstLine + i);
      });
      const stripped = kept.join('\n');
      const file = join(dir, 'project', ...name.split('/'));
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, stripped);
      written.push({ name, stripped, lineMap });
    }
    for (const w of written) {
      const result = scanner.scan(join(dir, 'project', ...w.name.split('/')), w.stripped, [rule], { relativePath: w.name });
      const at = (line: number): number => w.lineMap[line] ?? w.lineMap[w.lineMap.length - 1] ?? 0;
      for (const f of result.findings) {
        const line = at(f.range.start.line);
        const moved = { start: { line, character: 0 }, end: { line, character: 0 } };
        out.findings.push({ ...f, range: moved, fixes: [] });
      }
      out.notices.push(...result.notices.map((n) => ({ ...n, message: `${w.name}: ${n.message}` })));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
