/**
 * Reads `rules/<language>/_models/*.yaml`, checks each file against the model schema and compiles
 * the rows into the indexes the taint walk uses (models.ts).
 */
import { existsSync, readdirSync } from 'node:fs';
import { readSmallFile } from '../engine/smallFiles';
import { join } from 'node:path';
import { preParsed } from '../engine/parsedYaml';
import { compileNames } from '../engine/names';
import { compileValueTest } from '../engine/ruleCompiler';
import type { RuleLoadError, ValueTest } from '../engine/rule';
import { RegexTrust, RuleRegexes, TRUSTED } from '../engine/ruleRegex';
import { isBuiltinRuleFile } from '../engine/builtinRules';
import { parseYamlWithLines, YamlSyntaxError, type YamlWithLines } from '../engine/yamlLines';
import { checkData, type SchemaProblem } from '../engine/dataSchema';
import { MODEL_FILE } from './modelSchema';
import { Family, PACKS } from '../languages/registry';
import { NameIndex } from './nameIndex';
import type { ComparisonModel, ContentTypeModel, HandlerModel, ListOp, SanitizerModel, SinkModel, TaintModels } from './models';

type Raw = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const list = (v: unknown): string[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v.filter((x) => x !== null && x !== undefined).map(String) : [String(v)]);
/** The rows under `key` with their index in the file; rows left out for a schema problem are null (loadTaintModels). */
const rows = (doc: Raw, key: string): [number, Raw][] => (Array.isArray(doc[key]) ? (doc[key] as unknown[]).flatMap((r, i) => (r && typeof r === 'object' ? [[i, r as Raw] as [number, Raw]] : [])) : []);

/**
 * `regexes[i]` compiles the regexes of `docs[i]` (built-in models are trusted, users' are
 * checked); a row whose regex it refuses is left out, and the refusal is in its problems.
 */
export function compileModels(docs: Raw[], regexes: RuleRegexes[] = []): TaintModels {
  const m: TaintModels = {
    handlers: [], typedParams: [], instances: [], sources: [], sinks: [], sanitizers: [], guards: [], comparisons: [], clean: () => false,
    storing: new Map(), keyed: new Set(), listOps: new Map(), reorders: new Set(), positions: new Set(), lookups: new Set(), maps: new Set(), errorCallbacks: new Map(), resultsFrom: [], builtStringsClean: [], fills: [], sameValue: () => false, exits: () => false,
    callSinks: new NameIndex(), newSinks: new NameIndex(), assignSinks: new NameIndex(), sanitizerIndex: new NameIndex(), nameSources: new NameIndex(),
    contentTypeIndex: new NameIndex(),
    contentTypeAssignIndex: new NameIndex(),
  };
  const cleanNames: string[] = [];
  const exitNames: string[] = [];
  const sameValueNames: string[] = [];
  for (const [d, doc] of docs.entries()) {
    const rx = regexes[d] ?? TRUSTED;
    for (const [hi, h] of rows(doc, 'handlers')) {
      const refused = rx.problems.length;
      const handler: HandlerModel = {
        register: compileNames(h.register),
        registerNames: h.register ? list(h.register) : undefined,
        firstArg: h['first-arg'] ? rx.compile(h['first-arg'], ['handlers', hi, 'first-arg']) : undefined,
        paramsNamed: h['params-named'],
        paramsTyped: h['params-typed']?.map((n: string | string[]) => compileNames(n)!),
        paramsTypedNames: h['params-typed']?.map((n: string | string[]) => list(n)),
        decorators: compileNames(h.decorators),
        decoratorNames: h.decorators ? list(h.decorators) : undefined,
        exports: h.exports ? new Set(list(h.exports)) : undefined,
        path: h.path ? rx.compile(h.path, ['handlers', hi, 'path']) : undefined,
        classExtends: compileNames(h['class-extends']),
        classExtendsNames: h['class-extends'] ? list(h['class-extends']) : undefined,
        methods: h.methods ? new Set(list(h.methods)) : undefined,
        objectKeys: h['object-keys'] ? new Set(list(h['object-keys'])) : undefined,
        selfRole: h['self-role'],
        params: list(h.params),
        cleanTypes: h['clean-types'] ? new Set(list(h['clean-types'])) : undefined,
        returns: h.returns,
        module: h.module,
        notCalledInFile: !!h['not-called-in-file'],
      };
      if (rx.problems.length === refused) m.handlers.push(handler);
    }
    for (const [, t] of rows(doc, 'typed-params')) for (const type of list(t.type)) m.typedParams.push({ type, role: t.role });
    for (const [, i] of rows(doc, 'instances')) m.instances.push({ role: i.role, newName: compileNames(i.new), call: compileNames(i.call), names: [...list(i.new), ...list(i.call)] });
    for (const [, s] of rows(doc, 'sources')) {
      if (s.names) m.nameSources.add({ kind: s.kind ?? 'remote', names: compileNames(s.names), cleanFor: s['clean-for'] ? list(s['clean-for']) : undefined, survives: !!s['survives-conversions'], notMembers: s['not-members'] ? new Set(list(s['not-members'])) : undefined }, list(s.names));
      m.sources.push({
        kind: s.kind ?? 'remote',
        names: compileNames(s.names),
        nameList: s.names ? list(s.names) : undefined,
        role: s.role,
        members: s.members ? new Set(list(s.members)) : undefined,
        calls: s.calls ? new Set(list(s.calls)) : undefined,
        notMembers: s['not-members'] ? new Set(list(s['not-members'])) : undefined,
        serverMembers: s['server-members'] ? new Set(list(s['server-members'])) : undefined,
        decorators: s.decorators ? new Set(list(s.decorators)) : undefined,
        cleanTypes: s['clean-types'] ? new Set(list(s['clean-types'])) : undefined,
        cleanFor: s['clean-for'] ? list(s['clean-for']) : undefined,
        survives: !!s['survives-conversions'],
        into: s.into === undefined ? undefined : Number(s.into),
      });
    }
    for (const [si, s] of rows(doc, 'sinks')) {
      const refused = rx.problems.length;
      const when = new Map<string, ValueTest>();
      for (const [k, v] of Object.entries(s.when ?? {})) when.set(k, compileValueTest(v as Raw, rx, ['sinks', si, 'when', k]));
      if (rx.problems.length > refused) continue;
      const sink: SinkModel = {
        kind: s.kind,
        call: compileNames(s.call),
        newName: compileNames(s.new),
        assign: compileNames(s.assign),
        args: s.args === 'any' ? 'any' : s.args === undefined ? (s.receiver ? [] : [0]) : list(s.args).map(Number),
        receiver: !!s.receiver,
        keywords: list(s.keywords),
        receiverRole: s['receiver-role'],
        when,
        label: s.label,
        argNot: s['arg-not'] ? new Set(list(s['arg-not'])) : undefined,
        argIs: s['arg-is'] ? new Set(list(s['arg-is'])) : undefined,
        respectsContentType: !!s['respects-content-type'],
        typedAfter: !!s['typed-after'],
        leadingMarkup: !!s['leading-markup'],
        needsDocumentType: !!s['needs-document-type'],
        shellArgv: !!s['shell-argv'],
        dictKey: s['dict-key'],
        pureMembers: s['pure-members'] ? new Set(list(s['pure-members'])) : undefined,
        inspectsObjects: !!s['inspects-objects'],
        writerArg: typeof s['writer-arg'] === 'number' ? s['writer-arg'] : undefined,
        anyReceiver: !!s.call && !s['receiver-role'] && list(s.call).every((n) => /^\*\*\.[^.]+$/.test(n)),
      };
      m.sinks.push(sink);
      m.callSinks.add(sink, s.call ? list(s.call) : undefined);
      m.newSinks.add(sink, s.new ? list(s.new) : undefined);
      m.assignSinks.add(sink, s.assign ? list(s.assign) : undefined);
    }
    for (const [, c] of rows(doc, 'content-types')) {
      const row: ContentTypeModel = {
        call: compileNames(c.call),
        assign: compileNames(c.assign),
        receiverRole: c['receiver-role'],
        typeArg: c['type-arg'] === undefined ? undefined : Number(c['type-arg']),
        nameArg: c['name-arg'] === undefined ? undefined : Number(c['name-arg']),
        headersArgs: list(c['headers-args']).map(Number),
      };
      if (c.call) m.contentTypeIndex.add(row, list(c.call));
      if (c.assign) m.contentTypeAssignIndex.add(row, list(c.assign));
    }
    for (const [si, s] of rows(doc, 'sanitizers')) {
      const refused = rx.problems.length;
      const when = new Map<string, ValueTest>();
      for (const [k, v] of Object.entries(s.when ?? {})) when.set(k, compileValueTest(v as Raw, rx, ['sanitizers', si, 'when', k]));
      if (rx.problems.length > refused) continue;
      const row: SanitizerModel = { call: compileNames(s.call)!, kinds: list(s.kinds ?? '*'), method: !!s.method, module: s.module, revives: !!s.revives, ...(when.size > 0 ? { when } : {}) };
      m.sanitizers.push(row);
      m.sanitizerIndex.add(row, list(s.call));
    }
    for (const [, g] of rows(doc, 'guards')) {
      m.guards.push({ call: compileNames(g.call)!, checks: g.checks === 'receiver' || g.checks === 'receiver-arg' || g.checks === 'either' ? g.checks : Number(g.checks ?? 0), keyword: g.keyword, kinds: list(g.kinds ?? '*'), anchoredRegex: !!g['anchored-regex'], types: g.types ? new RegExp(`^(?:${list(g.types).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})$`) : undefined });
    }
    for (const [ci, c] of rows(doc, 'comparisons')) {
      const refused = rx.problems.length;
      const row: ComparisonModel = {
        kind: c.kind,
        operators: new Set(list(c.operators)),
        secretKinds: new Set(list(c['secret-kinds'])),
        requestKinds: new Set(list(c['request-kinds'] ?? 'remote')),
        secretNames: rx.compile(c['secret-names'], ['comparisons', ci, 'secret-names']),
        notSecretNames: c['not-secret-names'] ? rx.compile(c['not-secret-names'], ['comparisons', ci, 'not-secret-names']) : undefined,
        countMembers: new Set(list(c['count-members'])),
        emptyNames: new Set(list(c['empty-names'])),
      };
      if (rx.problems.length === refused) m.comparisons.push(row);
    }
    cleanNames.push(...list(doc.clean));
    for (const [, s] of rows(doc, 'storing')) {
      m.storing.set(String(s.method), Number(s.from ?? 0));
      if (s.keyed) m.keyed.add(String(s.method));
    }
    for (const [, f] of rows(doc, 'fills')) m.fills.push({ call: compileNames(f.call), method: f.method ? new Set(list(f.method)) : undefined, from: f.from === 'receiver' ? 'receiver' : Number(f.from ?? 0), into: Number(f.into) });
    for (const [, l] of rows(doc, 'list-positions')) for (const method of list(l.method)) m.listOps.set(method, l.op as ListOp);
    for (const r of list(doc.reorders)) m.reorders.add(r);
    for (const p of list(doc.positions)) m.positions.add(p);
    for (const p of list(doc.lookups)) m.lookups.add(p);
    for (const p of list(doc.maps)) m.maps.add(p);
    for (const [, r] of rows(doc, 'results-from')) {
      const call = compileNames(r.call);
      if (call) m.resultsFrom.push({ call, args: list(r.args).map(Number) });
    }
    for (const [, e] of rows(doc, 'error-callbacks')) {
      for (const method of list(e.method)) {
        let args = m.errorCallbacks.get(method);
        if (!args) m.errorCallbacks.set(method, (args = new Set()));
        args.add(Number(e.arg));
      }
    }
    for (const k of list(doc['built-strings-clean'])) if (!m.builtStringsClean.includes(k)) m.builtStringsClean.push(k);
    exitNames.push(...list(doc.exits));
    sameValueNames.push(...list(doc['same-value']));
  }
  m.sameValue = compileNames(sameValueNames.length ? sameValueNames : ['\0']) ?? (() => false);
  m.clean = compileNames(cleanNames.length ? cleanNames : ['\0']) ?? (() => false);
  m.exits = compileNames(exitNames.length ? exitNames : ['\0']) ?? (() => false);
  return m;
}

const MAX_MODEL_BYTES = 4 * 1024 * 1024;

/** One model file's rows, as compileModels takes them, or the reason it has none. */
interface ReadModel {
  data?: Raw;
  /** The line of a path in the file (parsed again from the text when a pre-parsed file needs one). */
  lineAt: (path: (string | number)[]) => number;
}

function readModel(path: string, dir: string, builtin: boolean, errors: RuleLoadError[]): ReadModel {
  let text: string;
  try {
    // A FIFO or `/dev/zero` behind a model file name in a custom rules folder must not hang the load.
    text = readSmallFile(path, MAX_MODEL_BYTES, true).toString('utf8');
  } catch (err) {
    errors.push({ file: path, line: 1, message: `cannot read taint model: ${(err as Error).message}; the file is left out` });
    return { lineAt: () => 1 };
  }
  let lines: YamlWithLines | undefined;
  const linesOf = (): YamlWithLines => (lines ??= parseYamlWithLines(text));
  let data: unknown;
  try {
    // Built-in models come parsed from the build (parsedYaml.ts); their lines are needed only when something is wrong.
    const built = builtin ? preParsed([dir], path, text) : undefined;
    data = built ? built.data : linesOf().data;
  } catch (err) {
    const line = err instanceof YamlSyntaxError ? err.line : 1;
    errors.push({ file: path, line, message: `YAML: ${err instanceof YamlSyntaxError ? err.reason : (err as Error).message}; the file is left out` });
    return { lineAt: () => 1 };
  }
  const lineAt = (p: (string | number)[]): number => linesOf().lineAt(p);
  const problems = checkData(data ?? {}, MODEL_FILE);
  for (const p of problems) errors.push({ file: path, line: lineAt(p.path), message: `${p.message}; ${p.path.length >= 2 ? 'this row is left out' : p.path.length === 1 ? 'this key is ignored' : 'the file is left out'}` });
  return { data: problems.length > 0 ? withoutProblems(data, problems) : ((data ?? {}) as Raw), lineAt };
}

/**
 * The file without what its problems are about: a row (or list item) with a problem becomes
 * null, so the rows after it keep their index (regex problems name rows by index), and a
 * top-level key with a problem goes.
 */
function withoutProblems(data: unknown, problems: SchemaProblem[]): Raw {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const out: Raw = { ...(data as Raw) };
  for (const { path } of problems) {
    const [key, index] = path as [string?, (string | number)?];
    if (key === undefined || !(key in out)) continue;
    if (typeof index === 'number' && Array.isArray(out[key])) {
      if (out[key] === (data as Raw)[key]) out[key] = [...out[key]];
      out[key][index] = null;
    } else delete out[key];
  }
  return out;
}

/**
 * Reads `<dir>/<pack folder>/_models/*.yaml` for each rules folder, for each language pack.
 * Each file is checked against the model schema (modelSchema.ts); a problem is reported in
 * `errors` with its file and line and the row it is in is left out, like a row whose regex
 * is refused. A file that cannot be read or parsed is reported and left out.
 */
export function loadTaintModels(ruleDirs: string[], errors: RuleLoadError[] = [], trust?: RegexTrust): Map<Family, TaintModels> {
  const docs = new Map<Family, Raw[]>(PACKS.map((p) => [p.family, []]));
  const checks = new Map<Family, RuleRegexes[]>(PACKS.map((p) => [p.family, []]));
  const reports: (() => void)[] = [];
  for (const dir of ruleDirs) {
    for (const pack of PACKS) {
      const models = join(dir, pack.rulesFolder, '_models');
      if (!existsSync(models)) continue;
      const family = pack.family;
      for (const file of readdirSync(models).sort()) {
        if (!/\.ya?ml$/.test(file)) continue;
        const path = join(models, file);
        const level = trust ?? (isBuiltinRuleFile(path) ? 'builtin' : 'user');
        const model = readModel(path, dir, level === 'builtin', errors);
        if (!model.data) continue;
        docs.get(family)!.push(model.data);
        if (level === 'builtin') checks.get(family)!.push(TRUSTED);
        else {
          // Users' models: their regexes are checked, and a refusal names the line.
          const rx = new RuleRegexes(level);
          checks.get(family)!.push(rx);
          reports.push(() => errors.push(...rx.problems.map((p) => ({ file: path, line: model.lineAt(p.path), message: `${p.message}; this row is left out` }))));
        }
      }
    }
  }
  const models = new Map<Family, TaintModels>([...docs].map(([family, list]) => [family, compileModels(list, checks.get(family)!)]));
  for (const report of reports) report();
  return models;
}
