// The scan pool's file queue keeps each worker on the file kinds (grammars) it has prepared,
// so a grammar's queries are compiled by one worker rather than by all, while every file is
// still handed out exactly once and no kind with many files left waits on one worker.
const { describe, test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');

const dist = path.resolve(process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist'));
const { FileQueue } = require(path.join(dist, 'engine.js'));

/** `counts`: kind → number of files; the files interleave kinds, as a size order does. */
function filesOf(counts) {
  const out = [];
  const left = { ...counts };
  let i = 0;
  while (Object.values(left).some((n) => n > 0)) {
    for (const kind of Object.keys(left)) {
      if (left[kind] === 0) continue;
      left[kind]--;
      out.push({ path: `/p/${kind || 'plain'}${i++}`, kind: kind || undefined });
    }
  }
  return out;
}

/**
 * Workers take turns (one file each per turn, as lanes answering in turn would) until every
 * worker's queue is done; returns what each took.
 */
function drain(files, workers = 2) {
  const queue = new FileQueue(files);
  const slots = Array.from({ length: workers }, () => ({ kinds: new Set(), took: [], done: false }));
  while (slots.some((s) => !s.done)) {
    for (const s of slots) {
      if (s.done) continue;
      const f = queue.take(s.kinds, slots);
      if (f) s.took.push(f);
      else s.done = true;
    }
  }
  return slots;
}

describe('FileQueue', () => {
  test('every file once; each kind prepared by one worker when kinds are few-filed', () => {
    const files = filesOf({ javascript: 40, typescript: 30, python: 20, tsx: 10, '': 6 });
    const slots = drain(files);
    const taken = slots.flatMap((s) => s.took.map((f) => f.path)).sort();
    assert.deepEqual(taken, files.map((f) => f.path).sort(), 'every file handed out exactly once');
    const prepared = slots.reduce((t, s) => t + s.kinds.size, 0);
    assert.equal(prepared, 4, `kinds prepared per worker: ${slots.map((s) => [...s.kinds].join('+'))}`);
    // Files with no kind need no preparing and go to whichever worker asks.
    assert.ok(slots.every((s) => s.took.length > 10), `both workers busy: ${slots.map((s) => s.took.length)}`);
  });

  test('within a kind the given order is kept (the caller puts the largest first)', () => {
    const files = filesOf({ javascript: 20, python: 20 });
    for (const s of drain(files)) {
      for (const kind of s.kinds) {
        const mine = s.took.filter((f) => f.kind === kind).map((f) => files.indexOf(f));
        assert.deepEqual(mine, [...mine].sort((a, b) => a - b), `${kind} in order`);
      }
    }
  });

  test('a kind with many files left is shared; a short tail of another worker’s kind is not', () => {
    const slots = drain(filesOf({ javascript: 400, python: 4 }));
    const helpers = slots.filter((s) => s.kinds.has('javascript'));
    assert.equal(helpers.length, 2, 'both workers scan the 400 JavaScript files');
    const py = slots.filter((s) => s.kinds.has('python'));
    assert.equal(py.length, 1, 'the 4 Python files are left to the worker that has that grammar');
    const short = drain(filesOf({ javascript: 30, python: 4 }));
    assert.equal(short.reduce((t, s) => t + s.kinds.size, 0), 2, `30 files left are not worth a second grammar: ${short.map((s) => [...s.kinds])}`);
    assert.equal(short.flatMap((s) => s.took).length, 34);
  });

  test('one worker takes everything; a replaced worker (empty kinds) picks up kinds no live worker has', () => {
    const files = filesOf({ javascript: 5, python: 5, go: 5 });
    const [only] = drain(files, 1);
    assert.equal(only.took.length, 15);
    const queue = new FileQueue(files);
    const a = { kinds: new Set() };
    const b = { kinds: new Set() };
    const first = queue.take(a.kinds, [a, b]);
    const second = queue.take(b.kinds, [a, b]);
    assert.notEqual(first.kind, second.kind, 'a second worker claims a kind nobody has');
    // Worker a is replaced: its kinds go with it, so the new worker claims them.
    const fresh = { kinds: new Set() };
    let got = 0;
    while (queue.take(fresh.kinds, [fresh, b])) got++;
    assert.ok(got > 0 && fresh.kinds.has(first.kind), `the new worker took over ${first.kind}`);
  });
});
