/**
 * `random.*` making a token, password or key: the same value from the operating system's
 * CSPRNG through `secrets` (its functions where one matches, `secrets.SystemRandom()` for the
 * rest, which has `random`'s methods).
 */
import type { Captures, FileContext } from '../../../engine/fileContext';
import { nodeRange } from '../../../engine/fileContext';
import type { Fix } from '../../../engine/finding';
import type { FixEntry, Recipe } from '../../packFixes';
import { pyImport } from './placement';

const SECRETS: FixEntry = { title: 'Use the secrets module (the operating system\'s random source)', when: 'the random function has a secrets equivalent (all of them do, through SystemRandom)' };

/** `random.X(…)` → the `secrets` equivalent, with the same arguments and result. */
const PY_SECRETS: Record<string, (args: string) => string | undefined> = {
  choice: (a) => `choice(${a})`,
  getrandbits: (a) => `randbits(${a})`,
  randbytes: (a) => `token_bytes(${a})`,
  randrange: (a) => (/^[^,]+$/.test(a.trim()) ? `randbelow(${a})` : `SystemRandom().randrange(${a})`),
  randint: (a) => `SystemRandom().randint(${a})`,
  random: (a) => `SystemRandom().random(${a})`,
  uniform: (a) => `SystemRandom().uniform(${a})`,
  choices: (a) => `SystemRandom().choices(${a})`,
  sample: (a) => `SystemRandom().sample(${a})`,
};

function randomFixes(ctx: FileContext, captures: Captures): Fix[] {
  const call = captures.get('call');
  const callee = call && ctx.adapter.callee(call);
  const qualified = callee && ctx.adapter.qualify(callee, ctx.bindings);
  const name = qualified?.startsWith('random.') ? qualified.slice(7) : undefined;
  const make = name ? PY_SECRETS[name] : undefined;
  const argList = call?.childForFieldName('arguments');
  if (!call || !make || argList?.type !== 'argument_list') return [];
  const inner = argList.text.slice(1, -1);
  // A trailing comma or a generator argument stays as written.
  const replaced = make(inner);
  if (!replaced) return [];
  const secrets = pyImport(ctx, 'secrets');
  if (!secrets) return [];
  return [{
    title: SECRETS.title,
    preferred: true,
    edits: [{ range: nodeRange(call), newText: `${secrets.local}.${replaced}` }, ...secrets.edits],
  }];
}

export const secureRandom: Recipe = { fixes: { secrets: SECRETS }, make: randomFixes };
