// Dependency checks at scale (`npm run bench -- --only sca`): a synthetic OSV export of
// 100,000 advisories over 40,000 npm package names (made up here, never real data) is
// indexed once, then a package-lock.json of 1,500 packages (a tenth of them vulnerable) is
// checked: in-process (first scan opens the index; warm scans reuse it) and by the CLI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { makeZip } = require('../test/osvFixtures.js');

const ADVISORIES = 100_000;
const NAMES = 40_000;
const LOCK_PACKAGES = 1_500;

/** A deterministic pseudo-random sequence, so runs compare. */
function random(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function syntheticZip(rand) {
  const files = {};
  for (let i = 0; i < ADVISORIES; i++) {
    const name = `pkg-${Math.floor(rand() * NAMES)}`;
    const major = Math.floor(rand() * 5);
    const id = `GHSA-${(i % 10000).toString(36).padStart(4, '0')}-${Math.floor(i / 10000).toString(36).padStart(4, '0')}-bnch`;
    files[`${id}.json`] = JSON.stringify({
      id,
      modified: new Date().toISOString(),
      aliases: [`CVE-2099-${100000 + i}`],
      summary: `Synthetic advisory ${i} for ${name}`,
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H' }],
      affected: [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'SEMVER', events: [{ introduced: `${major}.0.0` }, { fixed: `${major}.${1 + Math.floor(rand() * 9)}.0` }] }] }],
    });
  }
  return makeZip(files);
}

function syntheticLock(rand) {
  const packages = { '': { name: 'bench-app', dependencies: {} } };
  const names = [];
  for (let i = 0; i < LOCK_PACKAGES; i++) {
    // A tenth of the packages have advisories (pkg-N names), the rest do not (lib-N).
    const name = i % 10 === 0 ? `pkg-${Math.floor(rand() * NAMES)}` : `lib-${i}`;
    if (packages[`node_modules/${name}`]) continue;
    names.push(name);
    const deps = {};
    for (let k = 0; k < 3 && names.length > 1; k++) deps[names[Math.floor(rand() * (names.length - 1))]] = '*';
    packages[`node_modules/${name}`] = { version: `${Math.floor(rand() * 5)}.${Math.floor(rand() * 10)}.0`, dependencies: deps };
  }
  for (const n of names.slice(0, 40)) packages[''].dependencies[n] = '*';
  return { text: JSON.stringify({ name: 'bench-app', lockfileVersion: 3, requires: true, packages }, null, 2), count: names.length };
}

export async function benchSca(dist) {
  const { deps, loadEngine } = require(join(dist, 'engine.js'));
  const dir = mkdtempSync(join(tmpdir(), 'ward-bench-sca-'));
  try {
    const rand = random(18);
    let t = performance.now();
    const zip = syntheticZip(rand);
    const zipPath = join(dir, 'all.zip');
    writeFileSync(zipPath, zip);
    const makeMs = performance.now() - t;
    const folder = join(dir, 'db');
    t = performance.now();
    const imported = await deps.importZip(zipPath, folder, { source: 'bench', ecosystems: ['npm'] });
    const importMs = performance.now() - t;
    const meta = imported.imported[0];
    const indexMB = (statSync(join(folder, 'npm', 'records.jsonl')).size + statSync(join(folder, 'npm', 'index.tsv')).size) / 1048576;
    const project = join(dir, 'app');
    mkdirSync(project);
    const lock = syntheticLock(rand);
    writeFileSync(join(project, 'package-lock.json'), lock.text);
    const { engine } = loadEngine([join(dist, 'rules')], undefined, { folder, maxAgeDays: 7, ignore: [] });
    const file = join(project, 'package-lock.json');
    t = performance.now();
    const first = await engine.scanFile(file, { relativePath: 'package-lock.json' });
    const firstMs = performance.now() - t;
    const warm = [];
    for (let i = 0; i < 5; i++) {
      // A fresh engine each time would reopen the index; this is the editor's case (one engine, files re-checked).
      t = performance.now();
      await engine.scanFile(file, { relativePath: 'package-lock.json' });
      warm.push(performance.now() - t);
    }
    warm.sort((a, b) => a - b);
    t = performance.now();
    const cli = spawnSync(process.execPath, [join(dist, 'cli.js'), 'scan', '--no-config', '--fail-on', 'none', '--format', 'json', 'package-lock.json'], { cwd: project, env: { ...process.env, WARD_ADVISORIES_DIR: folder }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    const cliMs = performance.now() - t;
    const cliFindings = cli.status === 0 ? JSON.parse(cli.stdout).findings.length : NaN;
    return {
      advisories: meta.advisories,
      packagesInDatabase: meta.packages,
      zipMB: +(zip.length / 1048576).toFixed(1),
      makeZipMs: Math.round(makeMs),
      importMs: Math.round(importMs),
      indexMB: +indexMB.toFixed(1),
      lockfilePackages: lock.count,
      findings: first.findings.length,
      firstScanMs: Math.round(firstMs),
      warmScanMedianMs: Math.round(warm[2]),
      cliScanMs: Math.round(cliMs),
      cliFindings,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function scaLines(r) {
  return [
    `Dependencies (SCA): ${r.advisories.toLocaleString('en-US')} synthetic npm advisories over ${r.packagesInDatabase.toLocaleString('en-US')} packages (zip ${r.zipMB} MB, made in ${r.makeZipMs} ms)`,
    `  index built once (ward advisories import): ${(r.importMs / 1000).toFixed(2)} s, ${r.indexMB} MB on disk`,
    `  package-lock.json of ${r.lockfilePackages.toLocaleString('en-US')} packages, ${r.findings} findings:`,
    `    first scan (opens the index)   ${r.firstScanMs} ms`,
    `    warm scan, median of 5          ${r.warmScanMedianMs} ms`,
    `    ward scan (CLI, whole process)  ${r.cliScanMs} ms (${r.cliFindings} findings)`,
  ];
}
