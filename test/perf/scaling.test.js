// Run on its own after the other tests (see the `test` script), so no other test process
// competes for the CPU while it measures.
// Scan time grows linearly with the amount of code: scanning 2N files takes at most 2.2×
// the time of N files. Built to survive a noisy shared machine: both sizes are measured in
// this one process, interleaved (N, 2N, N, 2N, …) after a warm-up, as CPU time, and the
// median of nine rounds is compared, so a burst of load hits both or neither. Each batch
// starts from a collected heap, as a fresh `ward scan` process would: otherwise a major
// collection of earlier batches' garbage lands in whichever batch is running (it put single
// runs at 2.23× while the engine's own work scaled at 2.0×).
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const v8 = require('node:v8');
const vm = require('node:vm');

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');

const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const { loadEngine } = require(path.join(dist, 'engine.js'));

/** A realistic-looking module: handlers, string building, one finding per ten functions. */
function module(seed, functions) {
  const out = ["'use strict';", "const cp = require('child_process');", "const path = require('path');", ''];
  for (let i = 0; i < functions; i++) {
    const k = seed * 1000 + i;
    out.push(
      `function handler${k}(req, res, next) {`,
      `  const id = Number(req.params.id) + ${k};`,
      `  const name = path.join(__dirname, 'data', String(id));`,
      `  if (!name.startsWith(__dirname)) return next(new Error('bad path ${k}'));`,
      i % 10 === 0 ? `  cp.exec('cat ' + name, (err, out) => res.send(out));` : `  res.json({ id, name, items: [1, 2, 3].map((x) => x * ${k}) });`,
      '}',
      '',
    );
  }
  out.push('module.exports = {};', '');
  return out.join('\n');
}

test('scanning 2N files takes at most 2.2× the time of N files (median of 9, interleaved)', { timeout: 120000 }, async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-scale-'));
  try {
    const N = 24;
    const files = [];
    for (let i = 0; i < 2 * N; i++) {
      const file = path.join(dir, `m${i}.js`);
      fs.writeFileSync(file, module(i, 40));
      files.push(file);
    }
    const { engine } = loadEngine([path.join(__dirname, '..', '..', 'rules')]);
    // CPU time of this process, not wall time: other jobs on a shared machine take the
    // core away without changing how much work the scan does.
    const scanAll = async (list) => {
      collectGarbage();
      // Let the collector's background sweeping finish before the clock starts.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const c0 = process.cpuUsage();
      let findings = 0;
      for (const f of list) findings += (await engine.scanFile(f, { relativePath: path.basename(f), budgetMs: 60000 })).findings.length;
      const c = process.cpuUsage(c0);
      return { ms: (c.user + c.system) / 1000, findings };
    };
    // Warm-up over every file: grammars, query compilation and the JIT settle in the
    // first pass or two, which would otherwise be charged to whichever size ran first.
    await scanAll(files);
    await scanAll(files);
    const small = [];
    const large = [];
    for (let round = 0; round < 9; round++) {
      // Alternate the order so a slow drift in machine load favours neither size.
      if (round % 2 === 0) {
        small.push(await scanAll(files.slice(0, N)));
        large.push(await scanAll(files));
      } else {
        large.push(await scanAll(files));
        small.push(await scanAll(files.slice(0, N)));
      }
    }
    assert.ok(small[0].findings > 0 && large[0].findings === 2 * small[0].findings, 'the same code scanned twice as often gives twice the findings');
    // Each round's N and 2N run back to back; the median of the rounds' ratios is robust to a
    // burst of load that hits one measurement and not its neighbour.
    const ratios = large.map((l, i) => l.ms / small[i].ms).sort((a, b) => a - b);
    const ratio = ratios[Math.floor(ratios.length / 2)];
    const best = (runs) => Math.min(...runs.map((r) => r.ms));
    t.diagnostic(`2N/N time ratio ${ratio.toFixed(2)} (best ${best(large).toFixed(0)} ms vs ${best(small).toFixed(0)} ms)`);
    assert.ok(ratio <= 2.2, `2N files took ${ratio.toFixed(2)}× the time of N (best ${best(large).toFixed(0)} ms vs ${best(small).toFixed(0)} ms)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
