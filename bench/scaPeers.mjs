// Ward and osv-scanner on the same local OSV data (`node bench/scaPeers.mjs`; the build must be
// current): the lockfiles of examples/vulnerable-deps against a comparison database written
// here, 20 OSV records with ids CMP-… (not real advisories) in the shapes OSV uses (SEMVER and
// ECOSYSTEM ranges, fixed and last_affected, explicit versions, two introduced/fixed pairs,
// a withdrawn record, names spelled differently from the lockfile). It compares reading the
// lockfiles and matching versions, not coverage of real advisories. osv-scanner runs when it
// is on PATH (`go install github.com/google/osv-scanner/v2/cmd/osv-scanner@…`), offline, from a
// local database folder laid out as it expects (<dir>/osv-scanner/<ecosystem>/all.zip).
// bench/precision.md has the results and what npm audit and pip-audit do on this machine.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { makeZip } = require('../test/osvFixtures.js');
const root = join(fileURLToPath(import.meta.url), '..', '..');
const dist = process.env.WARD_DIST || join(root, 'dist');

const rec = (id, ecosystem, name, affected, extra = {}) => ({
  id,
  modified: '2026-01-01T00:00:00Z',
  published: '2025-01-01T00:00:00Z',
  summary: `${name} comparison record ${id}`,
  affected: [{ package: { ecosystem, name }, ...affected }],
  ...extra,
});
const range = (type, events) => ({ ranges: [{ type, events }] });

export const RECORDS = {
  npm: [
    rec('CMP-N001', 'npm', 'axios', range('SEMVER', [{ introduced: '0' }, { fixed: '0.21.1' }])),
    rec('CMP-N002', 'npm', 'axios', range('SEMVER', [{ introduced: '0.21.0' }, { fixed: '0.21.2' }])),
    rec('CMP-N003', 'npm', 'axios', range('SEMVER', [{ introduced: '1.0.0' }, { fixed: '1.6.0' }])),
    rec('CMP-N004', 'npm', 'follow-redirects', range('SEMVER', [{ introduced: '0' }, { fixed: '1.14.7' }])),
    rec('CMP-N005', 'npm', 'follow-redirects', range('SEMVER', [{ introduced: '0' }, { last_affected: '1.13.0' }])),
    rec('CMP-N006', 'npm', 'lodash', range('SEMVER', [{ introduced: '0' }, { fixed: '4.17.19' }])),
    rec('CMP-N007', 'npm', 'lodash', { versions: ['4.17.14', '4.17.15', '4.17.16'] }),
    rec('CMP-N008', 'npm', 'lodash', range('SEMVER', [{ introduced: '4.17.16' }, { fixed: '4.17.21' }])),
    rec('CMP-N009', 'npm', 'node-fetch', range('SEMVER', [{ introduced: '0' }, { fixed: '2.6.1' }, { introduced: '3.0.0-beta.1' }, { fixed: '3.1.1' }])),
    rec('CMP-N010', 'npm', 'minimist', range('SEMVER', [{ introduced: '0' }, { fixed: '0.2.1' }, { introduced: '1.0.0' }, { fixed: '1.2.3' }])),
    rec('CMP-N011', 'npm', 'minimist', range('SEMVER', [{ introduced: '0' }, { fixed: '1.2.6' }]), { withdrawn: '2025-06-01T00:00:00Z' }),
  ],
  PyPI: [
    rec('CMP-P001', 'PyPI', 'django', range('ECOSYSTEM', [{ introduced: '3.2' }, { fixed: '3.2.5' }])),
    rec('CMP-P002', 'PyPI', 'Django', range('ECOSYSTEM', [{ introduced: '3.0' }, { fixed: '3.2.4' }])),
    rec('CMP-P003', 'PyPI', 'requests', range('ECOSYSTEM', [{ introduced: '2.3.0' }, { fixed: '2.31.0' }])),
    rec('CMP-P004', 'PyPI', 'urllib3', range('ECOSYSTEM', [{ introduced: '0' }, { fixed: '1.26.5' }])),
    rec('CMP-P005', 'PyPI', 'jinja2', range('ECOSYSTEM', [{ introduced: '0' }, { fixed: '2.11.3' }])),
    rec('CMP-P006', 'PyPI', 'pyyaml', range('ECOSYSTEM', [{ introduced: '0' }, { fixed: '5.4' }])),
    rec('CMP-P007', 'PyPI', 'Pillow', range('ECOSYSTEM', [{ introduced: '0' }, { fixed: '8.1.1' }])),
    rec('CMP-P008', 'PyPI', 'pillow', range('ECOSYSTEM', [{ introduced: '8.1.0rc1' }, { last_affected: '8.1.0' }])),
    rec('CMP-P009', 'PyPI', 'certifi', range('ECOSYSTEM', [{ introduced: '2017.11.5' }, { fixed: '2024.7.4' }])),
  ],
};

/** package@version → sorted advisory ids, from Ward's JSON report. */
function wardMatches(scratch) {
  const env = { ...process.env, WARD_ADVISORIES_DIR: join(scratch, 'ward-db') };
  for (const eco of Object.keys(RECORDS)) {
    const r = spawnSync(process.execPath, [join(dist, 'cli.js'), 'advisories', 'import', join(scratch, 'osv', 'osv-scanner', eco, 'all.zip')], { env, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ward advisories import: ${r.stderr}`);
  }
  const r = spawnSync(process.execPath, [join(dist, 'cli.js'), 'scan', 'project', '-f', 'json', '--fail-on', 'none', '--no-config'], { cwd: scratch, env, encoding: 'utf8' });
  const out = new Map();
  for (const f of JSON.parse(r.stdout).findings) if (f.dependency) out.set(`${f.dependency.name.toLowerCase()}@${f.dependency.version}`, f.dependency.advisories.map((a) => a.id).sort());
  return out;
}

/** The same from osv-scanner's JSON, or the reason it could not run. */
function osvScannerMatches(scratch) {
  const bin = process.env.OSV_SCANNER || 'osv-scanner';
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (version.error) return { error: `${bin} not found (${version.error.code})` };
  const args = ['scan', 'source', '--offline-vulnerabilities', '--local-db-path', join(scratch, 'osv'), '--format', 'json', '-L', join(scratch, 'project', 'package-lock.json'), '-L', join(scratch, 'project', 'requirements.txt')];
  const r = spawnSync(bin, args, { encoding: 'utf8' });
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    return { error: `exit ${r.status}: ${(r.stderr || r.stdout).trim().slice(0, 800)}`, version: version.stdout.trim() };
  }
  const out = new Map();
  for (const result of report.results ?? []) {
    for (const p of result.packages ?? []) out.set(`${p.package.name.toLowerCase()}@${p.package.version}`, (p.vulnerabilities ?? []).map((v) => v.id).sort());
  }
  return { matches: out, version: version.stdout.trim().split('\n')[0], status: r.status };
}

export function scaPeers() {
  const scratch = mkdtempSync(join(tmpdir(), 'ward-sca-peers-'));
  try {
    for (const [eco, records] of Object.entries(RECORDS)) {
      mkdirSync(join(scratch, 'osv', 'osv-scanner', eco), { recursive: true });
      writeFileSync(join(scratch, 'osv', 'osv-scanner', eco, 'all.zip'), makeZip(Object.fromEntries(records.map((r) => [`${r.id}.json`, JSON.stringify(r)]))));
    }
    cpSync(join(root, 'examples', 'vulnerable-deps'), join(scratch, 'project'), { recursive: true });
    return { ward: wardMatches(scratch), osvScanner: osvScannerMatches(scratch) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { ward, osvScanner } = scaPeers();
  const keys = [...new Set([...ward.keys(), ...(osvScanner.matches?.keys() ?? [])])].sort();
  console.log(`osv-scanner: ${osvScanner.version ?? ''} ${osvScanner.error ?? `(exit ${osvScanner.status})`}`);
  for (const k of keys) {
    const a = (ward.get(k) ?? []).join(' ') || '-';
    const b = osvScanner.matches ? (osvScanner.matches.get(k) ?? []).join(' ') || '-' : 'n/a';
    console.log(`${k.padEnd(26)} ward: ${a.padEnd(20)} osv-scanner: ${b}${osvScanner.matches && a !== b ? '   (differs)' : ''}`);
  }
}
