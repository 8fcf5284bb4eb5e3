/**
 * One setting of a resource with a known unsafe value (`encrypted = false`, `publicly_accessible
 * = true`) or an unsafe default (left out), described by the rule's `options`:
 *
 *   resources: [aws_ebs_volume]        the resource types
 *   attribute: encrypted               or a path through nested blocks: metadata_options.http_tokens,
 *                                      or a list of them (each checked; a path a resource lacks is skipped)
 *   unsafe: [false]                    values reported (compared as text, case-insensitive), or
 *   safe: [required]                   any known value but these is reported
 *   missing: true                      left out is reported too (the provider's default is unsafe)
 *   skipIfSet: [replicate_source_db]   resources with any of these attributes are not checked
 *   skipIfModuleHas: [aws_ebs_encryption_by_default]   nor any when the module has such a resource
 *   skipIfReferencedBy: [azurerm_storage_account_network_rules]   nor one that such a resource names
 *   skipWhen: { engine_mode: [serverless] }   nor one whose setting (a path) has one of these values
 *   fix: 'true'                        the safe value, written by the quick fix
 *
 * An unknown value (a reference, a function) is not reported; a value read through `var.x`
 * or `local.y` is, on the reference, naming it.
 */
import type { CheckHit, DocFix } from '../../documentPack';
import { addAttribute, addBlock, replaceSpan } from '../../hcl/edits';
import { scalarText } from '../../hcl/values';
import { moduleResources, TfBlock, TfModule } from '../module';
import { headerSpan, hit, locate, resourceBlocks, shown, strings, text } from './common';

export function setting(m: TfModule, options: Readonly<Record<string, unknown>>): CheckHit[] {
  return strings(options, 'attribute').flatMap((path) => settingAt(m, options, path));
}

function skipped(m: TfModule, r: TfBlock, options: Readonly<Record<string, unknown>>, referrers: ReadonlySet<string>): boolean {
  if (strings(options, 'skipIfSet').some((a) => r.block.body.attributes.some((x) => x.name === a))) return true;
  if (referrers.has(`${r.type}.${r.name}`)) return true;
  const when = (options.skipWhen ?? {}) as Record<string, unknown>;
  return Object.keys(when).some((path) => {
    const v = locate(m, r.block, path).value;
    const s = scalarText(v)?.toLowerCase();
    return s !== undefined && strings(when, path).some((x) => x.toLowerCase() === s);
  });
}

function settingAt(m: TfModule, options: Readonly<Record<string, unknown>>, path: string): CheckHit[] {
  const unsafe = new Set(strings(options, 'unsafe').map((s) => s.toLowerCase()));
  const safe = new Set(strings(options, 'safe').map((s) => s.toLowerCase()));
  const missing = options.missing === true;
  const skipTypes = new Set(strings(options, 'skipIfModuleHas'));
  const fix = text(options, 'fix');
  if (skipTypes.size > 0 && moduleResources(m).some((r) => skipTypes.has(r.type))) return [];
  const referring = new Set(strings(options, 'skipIfReferencedBy'));
  const referrers = new Set(referring.size > 0 ? moduleResources(m).filter((r) => referring.has(r.type)).flatMap((r) => r.refs) : []);
  const attribute = path.split('.').pop()!;
  const multiple = strings(options, 'attribute').length > 1;
  const hits: CheckHit[] = [];
  for (const r of resourceBlocks(m, options)) {
    if (skipped(m, r, options, referrers)) continue;
    const at = locate(m, r.block, path);
    if (!at.attr && multiple && at.missingBlocks.length > 0) continue;
    const captures = { resource: r.address, attribute };
    if (at.attr && at.value) {
      const s = scalarText(at.value)?.toLowerCase();
      if (s === undefined) continue;
      const bad = unsafe.size > 0 ? unsafe.has(s) : safe.size > 0 && !safe.has(s);
      if (!bad) continue;
      const fixes: DocFix[] = fix !== undefined && !at.value.via ? [{ title: `Set \`${attribute} = ${fix}\``, edits: [replaceSpan(m.file, at.value.span, fix)], preferred: true }] : [];
      const written = m.file.text.slice(at.value.span.start, at.value.span.end).replace(/\s+/g, ' ');
      const value = at.value.via ? `${written.length > 40 ? written.slice(0, 39) + '…' : written} (${shown(at.value)})` : written.length > 40 ? shown(at.value) : written;
      hits.push(hit(m, at.value.span, at.attr.span, { ...captures, value, setting: `${attribute} = ${value}` }, fixes));
    } else if (missing && !at.dynamic) {
      let fixes: DocFix[] = [];
      if (fix !== undefined) {
        const edits =
          at.missingBlocks.length === 0
            ? addAttribute(m.file, at.body, at.bodyStart, attribute, fix)
            : at.missingBlocks.length === 1
              ? addBlock(m.file, at.body, at.bodyStart, at.missingBlocks[0]!, [[attribute, fix]])
              : [];
        if (edits.length > 0) fixes = [{ title: `Add \`${attribute} = ${fix}\``, edits, preferred: true }];
      }
      hits.push(hit(m, headerSpan(r.block), r.block.span, { ...captures, value: 'unset', setting: `${attribute} unset` }, fixes));
    }
  }
  return hits;
}
