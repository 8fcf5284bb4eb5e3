/**
 * A session or auth cookie set without `httpOnly` or `secure`: the flag goes into the
 * options object literal after its last entry (`{ maxAge }` → `{ maxAge, secure: true }`);
 * a call without options gets all three safe flags, written the same by both rules so that
 * applying both fixes adds one object.
 */
import type { Captures, FileContext } from '../../../engine/fileContext';
import type { Fix } from '../../../engine/finding';
import type { FixEntry, Recipe } from '../../packFixes';

const ALL_FLAGS = "{ httpOnly: true, secure: true, sameSite: 'lax' }";

function flagFixes(flag: string, entry: FixEntry, none: FixEntry): Recipe {
  const make = (_ctx: FileContext, captures: Captures): Fix[] => {
    const last = captures.get('last');
    if (last) {
      const at = { line: last.endPosition.row, character: last.endPosition.column };
      return [{ title: entry.title, preferred: true, edits: [{ range: { start: at, end: at }, newText: `, ${flag}: true` }] }];
    }
    const value = captures.get('arg1');
    if (!value) return [];
    const at = { line: value.endPosition.row, character: value.endPosition.column };
    return [{ title: none.title, preferred: true, edits: [{ range: { start: at, end: at }, newText: `, ${ALL_FLAGS}` }] }];
  };
  return { fixes: { flag: entry, options: none }, make };
}

const OPTIONS: FixEntry = { title: "Pass { httpOnly: true, secure: true, sameSite: 'lax' } as the cookie options", when: 'the call has no options argument' };

export const cookieHttpOnly = flagFixes('httpOnly', { title: 'Add httpOnly: true to the cookie options', when: 'the options are an object literal' }, OPTIONS);
export const cookieSecure = flagFixes('secure', { title: 'Add secure: true to the cookie options', when: 'the options are an object literal' }, OPTIONS);
