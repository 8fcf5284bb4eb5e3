/**
 * `go-server-timeouts`: a server that reads requests without a deadline gets one.
 * `http.ListenAndServe(addr, h)` → `(&http.Server{Addr: addr, Handler: h, ReadHeaderTimeout:
 * 10 * time.Second}).ListenAndServe()` (the TLS variant keeps its certificate arguments), and
 * an `http.Server{…}` literal without read timeouts gets `ReadHeaderTimeout`; `time` is
 * imported when the file does not import it.
 */
import type { Captures, FileContext } from '../../../engine/fileContext';
import type { Fix, TextEdit } from '../../../engine/finding';
import type { FixEntry, Recipe } from '../../packFixes';
import { importLine } from '../imports';
import { addField, packageName } from './fields';

const TIMEOUTS: FixEntry = { title: 'Serve with an http.Server that has a ReadHeaderTimeout', when: 'the server is started with http.ListenAndServe(TLS) or written as an http.Server literal' };

function timeImport(ctx: FileContext): { name: string; edits: TextEdit[] } | undefined {
  const name = packageName(ctx, 'time');
  if (name) return { name, edits: [] };
  if (ctx.bindings.imports.has('time')) return undefined; // `time` names something else here
  const insertion = importLine('time', ctx.text);
  if (!insertion) return undefined;
  const before = ctx.text.slice(0, insertion.offset);
  const line = before.split('\n').length - 1;
  const at = { line, character: insertion.offset - (before.lastIndexOf('\n') + 1) };
  return { name: 'time', edits: [{ range: { start: at, end: at }, newText: insertion.text }] };
}

function make(ctx: FileContext, captures: Captures): Fix[] {
  const call = captures.get('call');
  if (!call) return [];
  const time = timeImport(ctx);
  if (!time) return [];
  const timeout = `10 * ${time.name}.Second`;
  if (call.type === 'composite_literal') {
    const edits = addField(ctx, call, 'ReadHeaderTimeout', timeout);
    return edits ? [{ title: TIMEOUTS.title, preferred: true, edits: [...time.edits, ...edits] }] : [];
  }
  const callee = call.childForFieldName('function');
  const http = callee?.type === 'selector_expression' ? callee.childForFieldName('operand')?.text : undefined;
  const method = callee?.type === 'selector_expression' ? callee.childForFieldName('field')?.text : undefined;
  const args = (call.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a && a.type !== 'comment');
  if (!http || !method || call.startPosition.row !== call.endPosition.row) return [];
  const tls = method === 'ListenAndServeTLS';
  if (args.length !== (tls ? 4 : 2)) return [];
  const [addr, ...rest] = args.map((a) => a!.text);
  const handler = rest[rest.length - 1]!;
  const fields = [`Addr: ${addr}`, ...(handler === 'nil' ? [] : [`Handler: ${handler}`]), `ReadHeaderTimeout: ${timeout}`].join(', ');
  const serve = tls ? `ListenAndServeTLS(${rest[0]}, ${rest[1]})` : 'ListenAndServe()';
  const start = { line: call.startPosition.row, character: call.startPosition.column };
  const end = { line: call.endPosition.row, character: call.endPosition.column };
  return [{ title: TIMEOUTS.title, preferred: true, edits: [...time.edits, { range: { start, end }, newText: `(&${http}.Server{${fields}}).${serve}` }] }];
}

export const serverTimeoutsRecipe: Recipe = { fixes: { timeouts: TIMEOUTS }, make };
