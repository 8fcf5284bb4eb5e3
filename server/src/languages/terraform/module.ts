/**
 * A Terraform file read as part of its module (the `.tf` files of one folder): its
 * resources, data sources, module calls and providers, and a scope that resolves
 * `var.name` to the variable's default and `local.name` to the local's value, from this file
 * or from the folder's other files (their facts, folder.ts).
 */
import type { Tree } from '../parser';
import { HclAttribute, HclBlock, HclFile, readHcl, Span } from '../hcl/document';
import { at, Data, evaluate, fromData, Scope, toData, Value } from '../hcl/values';
import { expandInstances, Expander } from './expand';

export type BlockKind = 'resource' | 'data' | 'module' | 'provider' | 'variable' | 'locals' | 'output' | 'terraform';

export interface TfBlock {
  kind: BlockKind;
  /** `aws_s3_bucket` for a resource or data source, the provider's name, '' for the others. */
  type: string;
  name: string;
  /** `aws_s3_bucket.logs`, `data.aws_iam_policy_document.p`, `module.vpc`, `provider.aws`. */
  address: string;
  block: HclBlock;
}

/** What one file tells the others of its folder (plain data, cached by the engine). */
export interface FileFacts {
  variables: Record<string, Data>;
  locals: Record<string, Data>;
  /** Each resource's type, name, and the resources it names (`aws_s3_bucket.logs`). */
  resources: { type: string; name: string; refs: string[] }[];
}

export interface TfModule {
  file: HclFile;
  blocks: TfBlock[];
  /** The folder's other files' facts. */
  folder: readonly FileFacts[];
  scope: Scope;
  /** An attribute's value, evaluated once. */
  value(attr: HclAttribute): Value;
}

const KINDS = new Set<BlockKind>(['resource', 'data', 'module', 'provider', 'variable', 'locals', 'output', 'terraform']);

export function readModule(tree: Tree, text: string): TfModule {
  return moduleOf(readHcl(tree, text), []);
}

/** A module called from elsewhere (calls.ts): its blocks' addresses and how its names resolve. */
export interface Instance {
  /** `module.site.`, before each block's address (Terraform's own address of the resource). */
  prefix: string;
  /** `var.*` (the call's arguments, else the defaults) and `local.*` across the module's files. */
  scope: Scope;
}

export function moduleOf(file: HclFile, folder: readonly FileFacts[], instance?: Instance): TfModule {
  const blocks: TfBlock[] = [];
  for (const b of file.body.blocks) {
    if (!KINDS.has(b.type as BlockKind)) continue;
    const kind = b.type as BlockKind;
    const [l0 = '', l1 = ''] = b.labels;
    const typed = kind === 'resource' || kind === 'data';
    const type = typed || kind === 'provider' ? l0 : '';
    const name = typed ? l1 : kind === 'provider' ? l0 : l0;
    const address = kind === 'resource' ? `${l0}.${l1}` : kind === 'data' ? `data.${l0}.${l1}` : kind === 'locals' || kind === 'terraform' ? kind : `${kind}.${l0}`;
    blocks.push({ kind, type, name, address: instance ? instance.prefix + address : address, block: b });
  }
  const variables = new Map<string, HclAttribute>();
  const locals = new Map<string, HclAttribute>();
  for (const b of blocks) {
    if (b.kind === 'variable') {
      const d = b.block.body.attributes.find((a) => a.name === 'default');
      if (d) variables.set(b.name, d);
    } else if (b.kind === 'locals') for (const a of b.block.body.attributes) locals.set(a.name, a);
  }
  const cache = new Map<HclAttribute, Value>();
  const resolving = new Set<string>();
  const scope: Scope = instance?.scope ?? {
    reference(root, name, span) {
      if (root !== 'var' && root !== 'local') return undefined;
      const key = `${root}.${name}`;
      const own = (root === 'var' ? variables : locals).get(name);
      if (own) {
        if (resolving.has(key)) return undefined;
        resolving.add(key);
        try {
          return at(valueOf(own), span, key);
        } finally {
          resolving.delete(key);
        }
      }
      for (const f of folder) {
        const d = (root === 'var' ? f.variables : f.locals)[name];
        if (Object.prototype.hasOwnProperty.call(root === 'var' ? f.variables : f.locals, name)) return fromData(d, span, key);
      }
      return undefined;
    },
  };
  // Attributes of repeated blocks (expand.ts) are copies evaluated in their element's scope.
  const scopes = new WeakMap<HclAttribute, Scope>();
  const valueOf = (attr: HclAttribute): Value => {
    let v = cache.get(attr);
    if (!v) cache.set(attr, (v = evaluate(attr.expr, scopes.get(attr) ?? scope)));
    return v;
  };
  const expander: Expander = {
    base: scope,
    scoped(attr, s) {
      const copy = { ...attr };
      scopes.set(copy, s);
      return copy;
    },
    value: valueOf,
  };
  // `count = 0` (or `var.create ? 1 : 0` with a false default) and an empty `for_each` create
  // nothing: such blocks are left out of the module (their settings are not reported). The
  // others are expanded: one block per known instance, known `dynamic` blocks as the blocks they make.
  const live = blocks
    .filter((b) => !createsNothing(b, valueOf))
    .flatMap((b) => (b.kind === 'resource' || b.kind === 'data' ? expandInstances(b.block, expander).map((block) => ({ ...b, block })) : [b]));
  return { file, blocks: live, folder, scope, value: valueOf };
}

function createsNothing(b: TfBlock, valueOf: (a: HclAttribute) => Value): boolean {
  if (b.kind !== 'resource' && b.kind !== 'data' && b.kind !== 'module') return false;
  const count = b.block.body.attributes.find((a) => a.name === 'count');
  const c = count ? valueOf(count) : undefined;
  if (c?.kind === 'number' && c.value === 0) return true;
  if (c?.kind === 'bool' && !c.value) return true;
  const forEach = b.block.body.attributes.find((a) => a.name === 'for_each');
  const f = forEach ? valueOf(forEach) : undefined;
  return (f?.kind === 'list' && f.items.length === 0) || (f?.kind === 'object' && f.entries.length === 0);
}

export function factsOf(m: TfModule): FileFacts {
  const variables: Record<string, Data> = {};
  const locals: Record<string, Data> = {};
  const resources: FileFacts['resources'] = [];
  for (const b of m.blocks) {
    if (b.kind === 'variable') {
      const d = b.block.body.attributes.find((a) => a.name === 'default');
      variables[b.name] = d ? toData(m.value(d)) : undefined;
    } else if (b.kind === 'locals') {
      for (const a of b.block.body.attributes) locals[a.name] = toData(m.value(a));
    } else if (b.kind === 'resource') {
      resources.push({ type: b.type, name: b.name, refs: referencesIn(m.file.text, b.block.span) });
    }
  }
  return { variables, locals, resources };
}

const REFERENCE = /\b([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][\w-]*)/g;

/** The `type.name` addresses a block's text names (resource types have a provider prefix: `aws_…`). */
export function referencesIn(text: string, span: Span): string[] {
  const out = new Set<string>();
  for (const m of text.slice(span.start, span.end).matchAll(REFERENCE)) out.add(`${m[1]}.${m[2]}`);
  return [...out];
}

/** Resources of the module (this file and the folder's others): type, name, what they name. */
export function moduleResources(m: TfModule): FileFacts['resources'] {
  const own = m.blocks.filter((b) => b.kind === 'resource').map((b) => ({ type: b.type, name: b.name, refs: referencesIn(m.file.text, b.block.span) }));
  return [...own, ...m.folder.flatMap((f) => f.resources)];
}

export function resources(m: TfModule, types: ReadonlySet<string> | readonly string[]): TfBlock[] {
  const set = types instanceof Set ? types : new Set(types as readonly string[]);
  return m.blocks.filter((b) => b.kind === 'resource' && set.has(b.type));
}
