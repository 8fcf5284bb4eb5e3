/**
 * Public storage: S3 public access blocks with a flag off or left out (each defaults to false),
 * and Google Cloud Storage IAM and ACLs that name `allUsers` or `allAuthenticatedUsers`.
 */
import type { CheckHit, DocEdit } from '../../documentPack';
import { addAttributes, replaceSpan } from '../../hcl/edits';
import { itemsOf, scalarText } from '../../hcl/values';
import type { TfModule } from '../module';
import { attrValue, headerSpan, hit, resourceBlocks, strings } from './common';

const FLAGS = ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'];

/** `aws_s3_bucket_public_access_block` (or the account's) with any of the four flags false or unset; the fix sets all four. */
export function publicAccessBlock(m: TfModule, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const r of resourceBlocks(m, options)) {
    const body = r.block.body;
    const off: string[] = [];
    const edits: DocEdit[] = [];
    let first: { start: number; end: number } | undefined;
    let unknown = false;
    let via = false;
    for (const flag of FLAGS) {
      const a = attrValue(m, body, flag);
      if (!a) {
        off.push(flag);
        continue;
      }
      const s = scalarText(a.value);
      if (s === undefined) unknown = true;
      else if (s !== 'true') {
        off.push(flag);
        first ??= a.value.span;
        if (a.value.via) via = true;
        else edits.push(replaceSpan(m.file, a.value.span, 'true'));
      }
    }
    if (off.length === 0 || (unknown && !first)) continue;
    const missing = off.filter((f) => !attrValue(m, body, f));
    const added = missing.length > 0 ? addAttributes(m.file, body, r.block.span.start, missing.map((f) => [f, 'true'])) : [];
    const fixes = via ? [] : [{ title: 'Set all four public access block flags to `true`', edits: [...edits, ...added], preferred: true }];
    hits.push(hit(m, first ?? headerSpan(r.block), r.block.span, { resource: r.address, flag: off.length > 1 ? `${off[0]} (+${off.length - 1})` : off[0]! }, fixes));
  }
  return hits;
}

const PUBLIC_MEMBERS = /^(?:allUsers|allAuthenticatedUsers)$|:(?:allUsers|allAuthenticatedUsers)$/;

/** Google Cloud Storage IAM members and ACL entities (`members: { type: attribute }`) naming everyone. */
export function publicMembers(m: TfModule, options: Readonly<Record<string, unknown>>): CheckHit[] {
  const where = (options.members ?? {}) as Record<string, unknown>;
  const hits: CheckHit[] = [];
  for (const r of m.blocks) {
    if (r.kind !== 'resource' || !(r.type in where)) continue;
    for (const name of strings(where, r.type)) {
      const a = attrValue(m, r.block.body, name);
      for (const v of itemsOf(a?.value)) {
        const s = scalarText(v);
        if (s !== undefined && PUBLIC_MEMBERS.test(s.trim())) hits.push(hit(m, v.span, a!.attr.span, { resource: r.address, member: s.includes('allUsers') ? 'allUsers' : 'allAuthenticatedUsers' }));
      }
    }
  }
  return hits;
}
