/** What the Terraform checks share: reading `options`, places to report, values by path. */
import type { CheckHit, DocFix } from '../../documentPack';
import { HclAttribute, HclBlock, HclBody, rangeAt, Span } from '../../hcl/document';
import { scalarText, Value } from '../../hcl/values';
import type { TfBlock, TfModule } from '../module';

export function strings(options: Readonly<Record<string, unknown>>, key: string): string[] {
  const v = options[key];
  return Array.isArray(v) ? v.map((x) => String(x)) : v === undefined || v === null ? [] : [String(v)];
}

export function text(options: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const v = options[key];
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

/** `resource "aws_s3_bucket" "logs"`: where a finding about the whole block is underlined. */
export function headerSpan(block: HclBlock): Span {
  return { start: block.span.start, end: Math.max(block.span.start, block.body.inner.start - 1) };
}

export function hit(m: TfModule, span: Span, anchor: Span | undefined, captures: Record<string, string>, fixes?: DocFix[]): CheckHit {
  return { range: rangeAt(m.file, span), ...(anchor ? { anchor: rangeAt(m.file, anchor) } : {}), captures, ...(fixes && fixes.length > 0 ? { fixes } : {}) };
}

/** The text a value was written as, for messages (secrets never pass through here). */
export function shown(v: Value | undefined): string {
  const s = scalarText(v);
  if (s !== undefined) return v!.kind === 'string' ? `"${s}"` : s;
  return v ? v.kind : 'unset';
}

export interface Located {
  /** The attribute, when present. */
  attr?: HclAttribute;
  value?: Value;
  /** The deepest block on the path that exists (the resource itself at least). */
  body: HclBody;
  bodyStart: number;
  /** The path's blocks that are missing below `body`, in order. */
  missingBlocks: string[];
  /** A `dynamic` block stands where a block of the path was looked for: nothing is known. */
  dynamic: boolean;
}

/** `metadata_options.http_tokens` in a resource: the attribute, or how far the path exists. */
export function locate(m: TfModule, block: HclBlock, path: string): Located {
  const parts = path.split('.');
  const name = parts.pop()!;
  let body = block.body;
  let start = block.span.start;
  for (let i = 0; i < parts.length; i++) {
    const next = body.blocks.find((b) => b.type === parts[i]);
    if (!next) {
      const dynamic = body.blocks.some((b) => b.type === 'dynamic' && b.labels[0] === parts[i]) || body.attributes.some((a) => a.name === parts[i]);
      return { body, bodyStart: start, missingBlocks: parts.slice(i), dynamic };
    }
    body = next.body;
    start = next.span.start;
  }
  const attr = body.attributes.find((a) => a.name === name);
  return { attr, value: attr ? m.value(attr) : undefined, body, bodyStart: start, missingBlocks: [], dynamic: body.blocks.some((b) => b.type === 'dynamic') && !attr };
}

export function attrValue(m: TfModule, body: HclBody, name: string): { attr: HclAttribute; value: Value } | undefined {
  const attr = body.attributes.find((a) => a.name === name);
  return attr ? { attr, value: m.value(attr) } : undefined;
}

export function resourceBlocks(m: TfModule, options: Readonly<Record<string, unknown>>): TfBlock[] {
  const types = new Set(strings(options, 'resources'));
  return m.blocks.filter((b) => b.kind === 'resource' && types.has(b.type));
}

export function lower(v: Value | undefined): string | undefined {
  return scalarText(v)?.toLowerCase();
}
