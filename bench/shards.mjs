// A sharded CI run, simulated (`npm run bench -- --only shards`): the benchmark corpus
// scanned whole, then split into 4 and into 8 shards (`ward scan --shard i/n`) run one after
// another, as the jobs of a CI matrix would run side by side on n machines like this one; and
// again with a summaries file (`ward summaries -o FILE` once, then each shard with
// `--summaries FILE`), the step's own time reported beside the shards'. Reported: the longest
// shard against the whole scan's share (target: ≤ 1.2 × whole / n), what all the shards cost
// together against the whole scan (the price of each job walking the tree, loading the rules
// and summarising the helpers its own files import), that `ward merge-sarif` of the shards
// equals the unsharded SARIF except for the invocation's `properties.shards`, and the fixed
// cost of one job (a scan of three small files, one per grammar, with two workers: process,
// rules, workers, grammars), which no split can divide.
//
// `WARD_BENCH_SHARD_COPIES=K` scans K copies of the corpus (hard links in the scratch folder,
// so no disk is used): a bigger repository on which the per-file work outweighs that fixed cost.
// run.mjs also runs it "at scale" (shardsAtScale): the JavaScript/TypeScript/Python corpus with
// the Java and Go parts beside it (`extraParts`), twice over: ~2.4 million lines in five
// languages, the monorepo the sharding is for.
//
// Rounds interleave (whole, 4 shards, 8 shards; again) and medians are reported, as in the
// rest of the benchmark: the machine is shared and noisy. The per-file time budget is raised
// (60 s): it is wall-clock time, and on a loaded machine files cut short in one run and not
// in another would make the reports differ for a reason that has nothing to do with shards.
// Wall time and CPU time (process.cpuUsage of the scan, every thread) are both reported: on
// a machine where other work takes the cores, CPU time is what a dedicated CI runner's wall
// time would follow.
import { spawn } from 'node:child_process';
import { linkSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Hard links of every file under `from` in `to` (the walk skips symbolic links, so they would not do). */
function linkTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) linkTree(join(from, e.name), join(to, e.name));
    else if (e.isFile()) linkSync(join(from, e.name), join(to, e.name));
  }
}

/**
 * `corpus`: the folder the scans run in; `dirs`: its parts; `config`: the benchmark's
 * .ward.yaml; `out`: a scratch folder; `copies`: scan that many copies of the parts; `log`: progress lines.
 */
export async function benchShards({ dist, corpus, dirs, extraParts = [], lines, config, out, rounds = 3, counts = [4, 8], budgetMs = 60000, copies = Number(process.env.WARD_BENCH_SHARD_COPIES) || 1, withSummaries = true, label = '', log = () => {} }) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const cli = join(dist, 'cli.js');
  let root = corpus;
  let parts = dirs;
  // `extraParts`: [{ from, name }], folders outside the corpus scanned beside its parts.
  if (copies > 1 || extraParts.length > 0) {
    root = join(out, 'corpus');
    parts = [];
    const sources = [...dirs.map((d) => ({ from: join(corpus, d), name: d })), ...extraParts];
    for (let c = 1; c <= copies; c++) for (const { from, name } of sources) {
      const to = copies > 1 ? join(`copy${c}`, name) : name;
      linkTree(from, join(root, to));
      parts.push(to);
    }
  }
  const stat = (r) => JSON.parse(/ward: stats: (.*)/.exec(r.stderr)?.[1] ?? '{}');
  const scan = async (file, extra = []) => {
    const r = await run(process.execPath, [cli, 'scan', ...parts, '--config', config, '--no-gitignore', '--fail-on', 'none', '-f', 'sarif', '-o', file, '--time-budget', String(budgetMs), ...extra], { cwd: root, env: { ...process.env, WARD_STATS: '1' } });
    if (r.status !== 0) throw new Error(`ward scan ${extra.join(' ')} failed (${r.status}): ${r.stderr.slice(0, 500)}`);
    const stats = stat(r);
    return { ms: r.ms, cpuMs: stats.cpuMs, files: stats.files, summarised: stats.summarised ?? 0, summariesRead: stats.summariesRead ?? 0, kindsPrepared: stats.kindsPrepared ?? 0 };
  };
  // The summaries step's CPU (`ward summaries` prints no stats): the children's CPU time before and after it.
  const summaries = async (file) => {
    const before = childCpu();
    const r = await run(process.execPath, [cli, 'summaries', ...parts, '--config', config, '--no-gitignore', '--time-budget', String(budgetMs), '-o', file], { cwd: root });
    if (r.status !== 0) throw new Error(`ward summaries failed (${r.status}): ${r.stderr.slice(0, 500)}`);
    return { ms: r.ms, cpuMs: childCpu() - before, modules: Object.keys(JSON.parse(readFileSync(file, 'utf8')).modules).length };
  };
  // Fixed cost of one job: one small file per grammar, two workers forced.
  const tiny = join(out, 'tiny');
  mkdirSync(tiny, { recursive: true });
  writeFileSync(join(tiny, 'a.js'), "const cp = require('child_process');\nmodule.exports = (d) => cp.exec('ls ' + d);\n");
  writeFileSync(join(tiny, 'b.ts'), "import { exec } from 'child_process';\nexport const ls = (d: string) => exec('ls ' + d);\n");
  writeFileSync(join(tiny, 'c.py'), "import os\ndef ls(d):\n    os.system('ls ' + d)\n");
  const fixed = async () => {
    const r = await run(process.execPath, [cli, 'scan', '.', '--no-config', '--fail-on', 'none', '-f', 'json', '-o', join(out, 'tiny.json'), '--jobs', '2'], { cwd: tiny, env: { ...process.env, WARD_STATS: '1' } });
    return { ms: r.ms, cpuMs: stat(r).cpuMs };
  };
  const same = (mergedFile, n) => {
    const a = JSON.parse(readFileSync(mergedFile, 'utf8'));
    const b = JSON.parse(readFileSync(join(out, 'whole.sarif'), 'utf8'));
    const shardsListed = a.runs[0].invocations[0].properties?.shards?.length === n;
    delete a.runs[0].invocations[0].properties;
    return { equal: shardsListed && JSON.stringify(a) === JSON.stringify(b), results: a.runs[0].results.length };
  };
  const merge = async (n, tag) => {
    const merged = join(out, `merged-${tag}-${n}.sarif`);
    const m = await run(process.execPath, [cli, 'merge-sarif', ...Array.from({ length: n }, (_, i) => join(out, `shard-${tag}-${i + 1}-of-${n}.sarif`)), '-o', merged], {});
    if (m.status !== 0) throw new Error(`merge-sarif failed: ${m.stderr}`);
    return same(merged, n);
  };
  const whole = [];
  const starts = [];
  const sharded = Object.fromEntries(counts.map((n) => [n, []]));
  const withFile = Object.fromEntries(counts.map((n) => [n, []]));
  const steps = [];
  const sameSarif = {};
  for (let round = 0; round < rounds; round++) {
    log(`shards: whole scan (round ${round + 1} of ${rounds})`);
    starts.push(await fixed());
    whole.push(await scan(join(out, 'whole.sarif')));
    const summariesFile = join(out, 'summaries.json');
    if (withSummaries) {
      log(`shards: ward summaries (round ${round + 1} of ${rounds})`);
      steps.push(await summaries(summariesFile));
    }
    for (const n of counts) {
      for (const [tag, list, extra] of [['plain', sharded[n], []], ...(withSummaries ? [['file', withFile[n], ['--summaries', summariesFile]]] : [])]) {
        const shards = [];
        for (let i = 1; i <= n; i++) {
          log(`shards: ${i}/${n}${tag === 'file' ? ' --summaries' : ''} (round ${round + 1} of ${rounds})`);
          shards.push(await scan(join(out, `shard-${tag}-${i}-of-${n}.sarif`), ['--shard', `${i}/${n}`, ...extra]));
        }
        list.push(shards);
        if (round === 0) sameSarif[`${tag}${n}`] = await merge(n, tag);
      }
    }
  }
  const wholeMs = median(whole.map((w) => w.ms));
  const result = {
    label,
    lines: lines === undefined ? undefined : lines * copies,
    rounds,
    copies,
    files: whole[0].files,
    wholeSeconds: wholeMs / 1000,
    wholeRuns: whole.map((w) => +(w.ms / 1000).toFixed(2)),
    wholeCpuSeconds: median(whole.map((w) => w.cpuMs)) / 1000,
    wholeSummarised: whole[0].summarised,
    wholeKindsPrepared: whole[0].kindsPrepared,
    fixedSeconds: median(starts.map((s) => s.ms)) / 1000,
    fixedCpuSeconds: median(starts.map((s) => s.cpuMs)) / 1000,
    summariesStep: withSummaries ? { seconds: median(steps.map((s) => s.ms)) / 1000, cpuSeconds: median(steps.map((s) => s.cpuMs)) / 1000, modules: steps[0].modules } : undefined,
    shards: {},
  };
  const describe = (perRound, n, tag) => {
    // Per round: the longest shard over that round's whole scan / n, so a burst of load on
    // the machine hits the numerator and the denominator alike.
    const ratios = perRound.map((shards, r) => Math.max(...shards.map((s) => s.ms)) / (whole[r].ms / n));
    const longest = perRound.map((shards) => Math.max(...shards.map((s) => s.ms)));
    const total = perRound.map((shards) => shards.reduce((t, s) => t + s.ms, 0));
    const cpu = perRound.map((shards) => shards.reduce((t, s) => t + s.cpuMs, 0));
    const cpuRatios = perRound.map((shards, r) => Math.max(...shards.map((s) => s.cpuMs)) / (whole[r].cpuMs / n));
    const mid = perRound[perRound.findIndex((_, r) => ratios[r] === median(ratios))];
    return {
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
      summariesRead: perRound[0].reduce((t, s) => t + s.summariesRead, 0),
      kindsPrepared: perRound[0].reduce((t, s) => t + s.kindsPrepared, 0),
      mergedEqualsWhole: sameSarif[`${tag}${n}`].equal,
      results: sameSarif[`${tag}${n}`].results,
    };
  };
  for (const n of counts) result.shards[n] = { ...describe(sharded[n], n, 'plain'), ...(withSummaries ? { withSummaries: describe(withFile[n], n, 'file') } : {}) };
  rmSync(out, { recursive: true, force: true });
  return result;
}

/** CPU time (ms) of this process's children that have exited, every thread included. */
function childCpu() {
  // process.resourceUsage() covers this process only; children's CPU comes from /proc/self/stat (cutime, cstime).
  try {
    const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100; // clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

export function shardLines(r) {
  const lines = [
    `Sharded scan${r.label ? ` ${r.label}` : ''} (--shard i/n run one after another, medians of ${r.rounds} round${r.rounds === 1 ? '' : 's'}${r.copies > 1 ? `, ${r.copies} copies of the corpus` : ''}${r.lines ? `, ${(r.lines / 1e6).toFixed(2)} million lines` : ''}): whole ${r.wholeSeconds.toFixed(1)} s (${r.wholeRuns.join('/')}), CPU ${r.wholeCpuSeconds.toFixed(1)} s, ${r.files} files`,
    `  one job's fixed cost (3 small files, 2 workers): ${r.fixedSeconds.toFixed(2)} s, CPU ${r.fixedCpuSeconds.toFixed(2)} s` +
      (r.summariesStep ? `; ward summaries step: ${r.summariesStep.seconds.toFixed(1)} s, CPU ${r.summariesStep.cpuSeconds.toFixed(1)} s, ${r.summariesStep.modules} helper modules` : ''),
  ];
  const line = (label, s) =>
    `  ${label}: longest ${s.longestSeconds.toFixed(1)} s = ${s.longestOverShare.toFixed(2)} × whole/n (target ≤ 1.2; per round ${s.ratioPerRound.join('/')}); ` +
    `by CPU ${s.longestCpuOverShare.toFixed(2)} × (per round ${s.cpuRatioPerRound.join('/')}); shards ${s.shardSeconds.join('/')} s, CPU ${s.shardCpuSeconds.join('/')} s, over ${s.shardFiles.join('/')} files; all shards together ${s.allShardsOverWhole.toFixed(2)} × the whole scan's time, ${s.cpuOverWhole.toFixed(2)} × its CPU; ` +
    `helpers summarised ${s.summarised}, read from the file ${s.summariesRead}; grammars prepared ${s.kindsPrepared}; merged SARIF ${s.mergedEqualsWhole ? 'equals' : 'DIFFERS FROM'} the unsharded one (${s.results} results)`;
  for (const [n, s] of Object.entries(r.shards)) {
    lines.push(line(`${n} shards`, s));
    if (s.withSummaries) lines.push(line(`${n} shards, --summaries`, s.withSummaries));
  }
  lines.push(`  (whole scan: helpers summarised ${r.wholeSummarised}, grammars prepared ${r.wholeKindsPrepared})`);
  return lines;
}
