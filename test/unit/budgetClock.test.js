// The per-file budget (ward.fileTimeBudgetMs) counts work, not waiting: on a machine busy with
// other processes the wall clock runs on while a file waits for a core, and a budget measured
// by it alone made the same file come out partial on one run and whole on the next.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

test('a budget whose wall-clock time passed while the process waited is not spent', async () => {
  const deadline = W.startDeadline(40);
  await new Promise((resolve) => setTimeout(resolve, 120)); // waiting, not working
  assert.equal(W.pastDeadline(deadline), false);
});

test('a budget is spent once the process has worked that long', () => {
  const deadline = W.startDeadline(40);
  const started = Date.now();
  let spins = 0;
  while (!W.pastDeadline(deadline)) {
    spins++;
    assert.ok(Date.now() - started < 60000, 'never spent');
  }
  assert.ok(spins > 0);
});

test('a wall clock four times over ends the budget whatever the work', () => {
  assert.equal(W.pastDeadline(W.startDeadline(40, Date.now() - 200)), true);
  // Without a CPU reading the wall clock alone decides.
  assert.equal(W.pastDeadline({ at: Date.now() - 1, budgetMs: 40 }), true);
});
