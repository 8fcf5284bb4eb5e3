// A sharded CI run, simulated (`npm run bench -- --only shards`): the benchmark corpus
// scanned whole, then split into 4 and into 8 shards (`ward scan --shard i/n`) run one after
// another, as the jobs of a CI matrix would run side by side on n machines like this one.
// Reported: the longest shard against the whole scan's share (target: ≤ 1.2 × whole / n),
// what all the shards cost together against the whole scan (the price of each job walking
// the tree, loading the rules and summarising the helpers its own files import), and that
// `ward merge-sarif` of the shards equals the unsharded SARIF except for the invocation's
// `properties.shards`.
//
// Rounds interleave (whole, 4 shards, 8 shards; again) and medians are reported, as in the
// rest of the benchmark: the machine is shared and noisy. The per-file time budget is raised
// (60 s): it is wall-clock time, and on a loaded machine files cut short in one run and not
// in another would make the reports differ for a reason that has nothing to do with shards.
// Wall time and CPU time (process.cpuUsage of the scan, every thread) are both reported: on
// a machine where other work takes the cores, CPU time is what a dedicated CI runner's wall
// time would follow.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function run(cmd, args, opts) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ ms: performance.now() - t0, status, stderr }));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * `corpus`: the folder the scans run in; `dirs`: its parts; `config`: the benchmark's
 * .ward.yaml; `out`: a scratch folder; `log`: progress lines.
 */
export async function benchShards({ dist, corpus, dirs, config, out, rounds = 3, counts = [4, 8], budgetMs = 60000, log = () => {} }) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const cli = join(dist, 'cli.js');
  const scan = async (file, extra = []) => {
    const r = await run(process.execPath, [cli, 'scan', ...dirs, '--config', config, '--no-gitignore', '--fail-on', 'none', '-f', 'sarif', '-o', file, '--time-budget', String(budgetMs), ...extra], { cwd: corpus, env: { ...process.env, WARD_STATS: '1' } });
    if (r.status !== 0) throw new Error(`ward scan ${extra.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
    const stats = JSON.parse(/ward: stats: (.*)/.exec(r.stderr)?.[1] ?? '{}');
    return { ms: r.ms, cpuMs: stats.cpuMs, files: stats.files, summarised: stats.summarised ?? 0 };
  };
  const whole = [];
  const sharded = Object.fromEntries(counts.map((n) => [n, []]));
  const sameSarif = {};
  for (let round = 0; round < rounds; round++) {
    log(`shards: whole scan (round ${round + 1} of ${rounds})`);
    whole.push(await scan(join(out, 'whole.sarif')));
    for (const n of counts) {
      const shards = [];
      for (let i = 1; i <= n; i++) {
        log(`shards: ${i}/${n} (round ${round + 1} of ${rounds})`);
        shards.push(await scan(join(out, `shard-${i}-of-${n}.sarif`), ['--shard', `${i}/${n}`]));
      }
      sharded[n].push(shards);
      if (round === 0) {
        const merged = join(out, `merged-${n}.sarif`);
        const m = await run(process.execPath, [cli, 'merge-sarif', ...shards.map((_, i) => join(out, `shard-${i + 1}-of-${n}.sarif`)), '-o', merged], {});
        if (m.status !== 0) throw new Error(`merge-sarif failed: ${m.stderr}`);
        const a = JSON.parse(readFileSync(merged, 'utf8'));
        const b = JSON.parse(readFileSync(join(out, 'whole.sarif'), 'utf8'));
        const shardsListed = a.runs[0].invocations[0].properties?.shards?.length === n;
        delete a.runs[0].invocations[0].properties;
        sameSarif[n] = shardsListed && JSON.stringify(a) === JSON.stringify(b);
        sameSarif[`${n}Results`] = a.runs[0].results.length;
      }
    }
  }
  const wholeMs = median(whole.map((w) => w.ms));
  const result = { rounds, files: whole[0].files, wholeSeconds: wholeMs / 1000, wholeRuns: whole.map((w) => +(w.ms / 1000).toFixed(2)), wholeCpuSeconds: median(whole.map((w) => w.cpuMs)) / 1000, wholeSummarised: whole[0].summarised, shards: {} };
  for (const n of counts) {
    const perRound = sharded[n];
    // Per round: the longest shard over that round's whole scan / n, so a burst of load on
    // the machine hits the numerator and the denominator alike.
    const ratios = perRound.map((shards, r) => Math.max(...shards.map((s) => s.ms)) / (whole[r].ms / n));
    const longest = perRound.map((shards) => Math.max(...shards.map((s) => s.ms)));
    const total = perRound.map((shards) => shards.reduce((t, s) => t + s.ms, 0));
    const cpu = perRound.map((shards) => shards.reduce((t, s) => t + s.cpuMs, 0));
    const cpuRatios = perRound.map((shards, r) => Math.max(...shards.map((s) => s.cpuMs)) / (whole[r].cpuMs / n));
    const mid = perRound[perRound.findIndex((_, r) => ratios[r] === median(ratios))];
    result.shards[n] = {
      longestSeconds: median(longest) / 1000,
      longestOverShare: median(ratios),
      ratioPerRound: ratios.map((x) => +x.toFixed(2)),
      longestCpuOverShare: median(cpuRatios),
      cpuRatioPerRound: cpuRatios.map((x) => +x.toFixed(2)),
      shardCpuSeconds: mid.map((s) => +(s.cpuMs / 1000).toFixed(2)),
      shardSeconds: mid.map((s) => +(s.ms / 1000).toFixed(2)),
      shardFiles: mid.map((s) => s.files),
      allShardsOverWhole: median(total) / wholeMs,
      cpuOverWhole: median(cpu) / (median(whole.map((w) => w.cpuMs)) || 1),
      // Helper modules summarised by all the shards together (a helper imported from several shards is summarised in each).
      summarised: perRound[0].reduce((t, s) => t + s.summarised, 0),
      mergedEqualsWhole: sameSarif[n],
      results: sameSarif[`${n}Results`],
    };
  }
  rmSync(out, { recursive: true, force: true });
  return result;
}

export function shardLines(r) {
  const lines = [`Sharded scan (--shard i/n run one after another, medians of ${r.rounds} round${r.rounds === 1 ? '' : 's'}): whole ${r.wholeSeconds.toFixed(1)} s (${r.wholeRuns.join('/')}), CPU ${r.wholeCpuSeconds.toFixed(1)} s, ${r.files} files`];
  for (const [n, s] of Object.entries(r.shards)) {
    lines.push(
      `  ${n} shards: longest ${s.longestSeconds.toFixed(1)} s = ${s.longestOverShare.toFixed(2)} × whole/${n} (target ≤ 1.2; per round ${s.ratioPerRound.join('/')}); ` +
        `by CPU ${s.longestCpuOverShare.toFixed(2)} × (per round ${s.cpuRatioPerRound.join('/')}); shards ${s.shardSeconds.join('/')} s, CPU ${s.shardCpuSeconds.join('/')} s, over ${s.shardFiles.join('/')} files; all shards together ${s.allShardsOverWhole.toFixed(2)} × the whole scan's time, ${s.cpuOverWhole.toFixed(2)} × its CPU; ` +
        `helpers summarised ${s.summarised} (whole scan ${r.wholeSummarised}); merged SARIF ${s.mergedEqualsWhole ? 'equals' : 'DIFFERS FROM'} the unsharded one (${s.results} results)`,
    );
  }
  return lines;
}
