/**
 * `yaml.load(x, Loader=yaml.Loader)` (or `UnsafeLoader`, `FullLoader`, their C versions)
 * → the same call with `SafeLoader` / `CSafeLoader`, which builds only plain data (no
 * Python objects). A loader imported by name gets its safe sibling imported beside it.
 */
import type { Captures, FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import type { Fix, TextEdit } from '../../../engine/finding';
import type { FixEntry, Recipe } from '../../packFixes';

const SAFE_LOADER: FixEntry = { title: 'Load with SafeLoader or CSafeLoader (plain data only)', when: 'the loader is a PyYAML loader named in the call' };

const SAFE: Record<string, string> = {
  Loader: 'SafeLoader',
  UnsafeLoader: 'SafeLoader',
  FullLoader: 'SafeLoader',
  CLoader: 'CSafeLoader',
  CUnsafeLoader: 'CSafeLoader',
  CFullLoader: 'CSafeLoader',
};

function yamlSafeLoaderFixes(ctx: FileContext, captures: Captures): Fix[] {
  const loader = captures.get('kwvalue:Loader') ?? captures.get('arg1');
  if (!loader || (loader.type !== 'identifier' && loader.type !== 'attribute')) return [];
  const last = loader.type === 'attribute' ? loader.childForFieldName('attribute')!.text : loader.text;
  const safe = SAFE[last];
  if (!safe) return [];
  const edits: TextEdit[] = [{ range: nodeRange(loader.type === 'attribute' ? loader.childForFieldName('attribute')! : loader), newText: safe }];
  if (loader.type === 'identifier') {
    // `from yaml import Loader`: the safe loader must be imported too.
    const binding = ctx.bindings.imports.get(loader.text);
    const present = ctx.bindings.imports.get(safe);
    if (present) {
      if (!present.qualified.endsWith(`.${safe}`)) return [];
    } else {
      if (!binding?.inList || binding.node.type === 'aliased_import') return [];
      const end = { line: binding.node.endPosition.row, character: binding.node.endPosition.column };
      edits.push({ range: { start: end, end }, newText: `, ${safe}` });
    }
  }
  return [{ title: SAFE_LOADER.title, preferred: true, edits }];
}

export const yamlSafeLoader: Recipe = { fixes: { safe: SAFE_LOADER }, make: yamlSafeLoaderFixes };
