/**
 * Maven's version order (org.apache.maven.artifact.versioning.ComparableVersion, Maven 3):
 * no library on npm implements it, so it is written here from Maven's documented rules
 * and tested against the examples of its specification (test/unit/depsVersions.test.js).
 *
 * A version splits into items at `.` and `-` and where digits meet letters; `-` and a
 * digit/letter switch open a sub-list. Numbers compare as numbers, qualifiers in the order
 * alpha < beta < milestone < rc = cr < snapshot < (release: "", ga, final, release) < sp,
 * unknown qualifiers after those alphabetically; trailing zeros and release qualifiers
 * drop out, so 1 = 1.0 = 1.0.0 = 1-ga.
 */

type Item = { kind: 'int'; value: bigint } | { kind: 'string'; value: string } | { kind: 'list'; items: Item[] };

const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const ALIASES: Record<string, string> = { ga: '', final: '', release: '', cr: 'rc' };
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));

function stringItem(value: string, followedByDigit: boolean): Item {
  if (followedByDigit && value.length === 1) {
    // 1a1 = 1-alpha-1, 1b2 = 1-beta-2, 1m3 = 1-milestone-3
    if (value === 'a') value = 'alpha';
    else if (value === 'b') value = 'beta';
    else if (value === 'm') value = 'milestone';
  }
  return { kind: 'string', value: ALIASES[value] ?? value };
}

function comparableQualifier(q: string): string {
  const i = QUALIFIERS.indexOf(q);
  return i === -1 ? `${QUALIFIERS.length}-${q}` : String(i);
}

function isNull(item: Item): boolean {
  if (item.kind === 'int') return item.value === 0n;
  if (item.kind === 'string') return comparableQualifier(item.value) === RELEASE_INDEX;
  return item.items.length === 0;
}

function parseItem(isDigit: boolean, buf: string): Item {
  return isDigit ? { kind: 'int', value: BigInt(buf) } : stringItem(buf, false);
}

/** Trailing null items go, from the end back to the first item that is not null (lists aside). */
function normalize(list: Item[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const last = list[i]!;
    if (isNull(last)) list.splice(i, 1);
    else if (last.kind !== 'list') break;
  }
}

export function parseMavenVersion(version: string): Item {
  const text = version.toLowerCase();
  const root: Item[] = [];
  let list = root;
  const stack: Item[][] = [root];
  let isDigit = false;
  let start = 0;
  const openList = (): void => {
    const next: Item[] = [];
    list.push({ kind: 'list', items: next });
    list = next;
    stack.push(next);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '.') {
      list.push(i === start ? { kind: 'int', value: 0n } : parseItem(isDigit, text.slice(start, i)));
      start = i + 1;
    } else if (c === '-') {
      list.push(i === start ? { kind: 'int', value: 0n } : parseItem(isDigit, text.slice(start, i)));
      start = i + 1;
      openList();
    } else if (c >= '0' && c <= '9') {
      if (!isDigit && i > start) {
        list.push(stringItem(text.slice(start, i), true));
        start = i;
        openList();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.push(parseItem(true, text.slice(start, i)));
        start = i;
        openList();
      }
      isDigit = false;
    }
  }
  if (text.length > start) list.push(parseItem(isDigit, text.slice(start)));
  while (stack.length > 0) normalize(stack.pop()!);
  return { kind: 'list', items: root };
}

function compareItems(a: Item | undefined, b: Item | undefined): number {
  if (!a) return b ? -compareItems(b, undefined) : 0;
  switch (a.kind) {
    case 'int':
      if (!b) return a.value === 0n ? 0 : 1;
      if (b.kind === 'int') return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
      return 1;
    case 'string':
      if (!b) return cmp(comparableQualifier(a.value), RELEASE_INDEX);
      if (b.kind === 'int' || b.kind === 'list') return -1;
      return cmp(comparableQualifier(a.value), comparableQualifier(b.value));
    case 'list': {
      if (!b) return a.items.length === 0 ? 0 : compareItems(a.items[0], undefined);
      if (b.kind === 'int') return -1;
      if (b.kind === 'string') return 1;
      for (let i = 0; i < Math.max(a.items.length, b.items.length); i++) {
        const r = compareItems(a.items[i], b.items[i]);
        if (r !== 0) return r;
      }
      return 0;
    }
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareMaven(a: string, b: string): number {
  return compareItems(parseMavenVersion(a), parseMavenVersion(b));
}

/** The leading number (a version's "major"), or undefined when it does not start with one. */
export function mavenMajor(version: string): string | undefined {
  return /^(\d+)/.exec(version)?.[1];
}
