/**
 * The secret rules' keyword prefilter: which of a fixed set of keywords occur in a text,
 * case-insensitively, in one pass. An Aho–Corasick automaton over ASCII, compiled to a
 * flat transition table: one array read per character, whatever the number of keywords
 * (a regex alternation of ~150 keywords spent most of the secrets pass trying each one
 * at each position).
 */
const ALPHABET = 128; // a state's row is `state << 7`

export class KeywordScanner {
  /** next[state * 128 + char] = next state * 128 (pre-multiplied, so the loop does no arithmetic). */
  private readonly next: Int32Array;
  /** Keyword indexes recognised on entering a state (its own and its suffixes'), by state. */
  private readonly outputs: (number[] | undefined)[];
  private readonly hasOutput: Uint8Array;
  /** Keywords with a character outside ASCII, searched for separately. */
  private readonly others: number[] = [];

  constructor(readonly keywords: readonly string[]) {
    const lower = keywords.map((k) => k.toLowerCase());
    const goto: number[][] = [new Array<number>(ALPHABET).fill(-1)];
    const own: number[][] = [[]];
    lower.forEach((word, index) => {
      if (word.length === 0) return;
      if (/[^\x00-\x7f]/.test(word)) {
        this.others.push(index);
        return;
      }
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const c = word.charCodeAt(i);
        let to = goto[state]![c]!;
        if (to < 0) {
          to = goto.length;
          goto.push(new Array<number>(ALPHABET).fill(-1));
          own.push([]);
          goto[state]![c] = to;
        }
        state = to;
      }
      own[state]!.push(index);
    });
    const count = goto.length;
    const fail = new Int32Array(count);
    const next = new Int32Array(count * ALPHABET);
    const outputs: (number[] | undefined)[] = new Array(count);
    // Breadth first, so a state's failure target is complete before the state itself.
    const queue: number[] = [];
    for (let c = 0; c < ALPHABET; c++) {
      const to = goto[0]![c]!;
      if (to > 0) {
        fail[to] = 0;
        queue.push(to);
        next[c] = to * ALPHABET;
      } else next[c] = 0;
    }
    outputs[0] = undefined;
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const inherited = outputs[fail[state]!];
      const mine = own[state]!;
      outputs[state] = mine.length || inherited ? [...mine, ...(inherited ?? [])] : undefined;
      for (let c = 0; c < ALPHABET; c++) {
        const to = goto[state]![c]!;
        if (to > 0) {
          fail[to] = next[fail[state]! * ALPHABET + c]! / ALPHABET;
          queue.push(to);
          next[state * ALPHABET + c] = to * ALPHABET;
        } else next[state * ALPHABET + c] = next[fail[state]! * ALPHABET + c]!;
      }
    }
    // Case-insensitive: an upper-case letter moves like its lower-case form.
    for (let s = 0; s < count; s++) for (let c = 65; c <= 90; c++) next[s * ALPHABET + c] = next[s * ALPHABET + c + 32]!;
    this.next = next;
    this.outputs = outputs;
    this.hasOutput = new Uint8Array(count);
    for (let s = 0; s < count; s++) if (outputs[s]) this.hasOutput[s] = 1;
    // Every branch of `find` runs once here, on a one-byte and a two-byte string, before V8
    // optimises it. Otherwise the first long file gets an on-stack-replaced copy compiled with
    // no feedback for the keyword branch, which then bailed out on every later file and left
    // the scan interpreting this loop (up to 1.2 s of a scan worker's 5).
    const sample = keywords.join(' ');
    this.find(sample);
    this.find(`${sample} \u2603`);
  }

  /** The keywords (as given to the constructor) that occur in `text`. */
  find(text: string): Set<string> {
    const found = new Set<string>();
    const total = this.keywords.length;
    const next = this.next;
    const hasOutput = this.hasOutput;
    let state = 0;
    for (let i = 0, n = text.length; i < n; i++) {
      const c = text.charCodeAt(i);
      // A character outside ASCII is in no keyword: back to the start.
      state = c < ALPHABET ? next[state + c]! : 0;
      if (hasOutput[state >> 7]) {
        for (const k of this.outputs[state >> 7]!) found.add(this.keywords[k]!);
        if (found.size === total) return found;
      }
    }
    if (this.others.length > 0) {
      const lowerText = text.toLowerCase();
      for (const k of this.others) if (lowerText.includes(this.keywords[k]!.toLowerCase())) found.add(this.keywords[k]!);
    }
    return found;
  }
}
