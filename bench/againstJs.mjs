// A language part of the benchmark measured against the JavaScript part in the same run
// (bench/java.mjs, bench/go.mjs): Ward's CLI with one worker on each, interleaved rounds
// (JS, other, JS, other, …) so a burst of load on the shared machine hits both or neither,
// the median of the per-round ratios, a bare parse of both parts (the floor), and
// edit→diagnostics latency on a generated 20k-line file of the language.

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * `h` holds run.mjs's pieces: { rounds, jsFiles, wardScan(dirs, extra, cwd), bareParse(files),
 * measureLatency (bench/latency.mjs), serverJs, log }. `part`: { key ('java'), label ('Java'),
 * files ([{ path, lines }]), dir (the corpus folder holding `key/`), shape (bench/latency.mjs's
 * file shape) }.
 */
export async function benchAgainstJs(h, part) {
  const sum = (fs, k) => fs.reduce((a, f) => a + f[k], 0);
  const { key, label } = part;
  const lines = { js: sum(h.jsFiles, 'lines'), [key]: sum(part.files, 'lines') };
  const runs = { js: [], [key]: [] };
  for (let i = 0; i < h.rounds; i++) {
    h.log(`ward on the JS part, 1 worker (round ${i + 1} of ${h.rounds})`);
    runs.js.push(await h.wardScan(['js'], ['--jobs', '1']));
    h.log(`ward on the ${label} part, 1 worker (round ${i + 1} of ${h.rounds})`);
    runs[key].push(await h.wardScan([key], ['--jobs', '1'], part.dir));
  }
  const per = (k, r) => ({ wall: lines[k] / (r.ms / 1000), cpu: lines[k] / (r.stats.cpuMs / 1000) });
  const summary = (k) => {
    const rs = runs[k];
    const pick = rs.find((r) => r.ms === median(rs.map((x) => x.ms)));
    return {
      files: k === 'js' ? h.jsFiles.length : part.files.length,
      lines: lines[k],
      runs: rs.map((r) => r.ms / 1000),
      seconds: pick.ms / 1000,
      linesPerSec: median(rs.map((r) => per(k, r).wall)),
      linesPerCpuSec: median(rs.map((r) => per(k, r).cpu)),
      peakRssMB: pick.peakMB,
      findings: pick.findings,
      sameFindings: rs.every((r) => r.findings === pick.findings),
    };
  };
  h.log('bare web-tree-sitter parse of both parts');
  const parse = { js: await h.bareParse(h.jsFiles), [key]: await h.bareParse(part.files) };
  h.log(`latency, a 20,000-line ${label} file`);
  // On a machine too busy for the 3 s file budget the analyses come back partial and the
  // expected diagnostics never arrive: the speed numbers above are still reported.
  const latency = await h.measureLatency(h.serverJs, 20000, 30, { shape: part.shape }).catch((err) => ({ error: err.message }));
  return {
    js: { ...summary('js'), parseLinesPerSec: lines.js / (parse.js.ms / 1000) },
    [key]: { ...summary(key), parseLinesPerSec: lines[key] / (parse[key].ms / 1000) },
    // JavaScript lines/s ÷ the other part's lines/s, per round (the two runs of a round side by side).
    ratioWall: median(runs.js.map((r, i) => per('js', r).wall / per(key, runs[key][i]).wall)),
    ratioCpu: median(runs.js.map((r, i) => per('js', r).cpu / per(key, runs[key][i]).cpu)),
    latency,
  };
}

/** The part's report lines after its first (`heading`). */
export function againstJsLines(r, key, label, heading, fmt) {
  const row = (name, p) =>
    `${name.padEnd(12)} ${fmt(p.files).padStart(6)} files ${fmt(p.lines).padStart(8)} lines  ${fmt(p.linesPerSec).padStart(7)} lines/s  ${fmt(p.linesPerCpuSec).padStart(7)} lines/CPU s  (runs ${p.runs.map((s) => s.toFixed(1)).join('/')} s; peak RSS ${fmt(p.peakRssMB)} MiB, ${p.findings} findings; bare parse ${fmt(p.parseLinesPerSec)} lines/s)`;
  return [
    heading,
    row('ward, JS', r.js),
    row(`ward, ${label}`, r[key]),
    `JavaScript / ${label} lines/s on one worker: ${r.ratioWall.toFixed(2)}× wall, ${r.ratioCpu.toFixed(2)}× per CPU second (median of the rounds' ratios; target ≤ 1.5×); same findings every round: ${r.js.sameFindings && r[key].sameFindings}`,
    r.latency.error
      ? `edit→diagnostics on 20,000 lines of ${label}: not measured (${r.latency.error})`
      : `edit→diagnostics, ${r.latency.lines} lines of ${label} (${r.latency.findings} findings): p50 ${r.latency.p50.toFixed(0)} ms, p95 ${r.latency.p95.toFixed(0)} ms (target 150 / 400 ms)`,
  ];
}
