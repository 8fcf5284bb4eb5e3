// The benchmark's Go part (`npm run bench -- --only go`): Ward's Go lines/s per core against
// its JavaScript lines/s in the same run (one worker each, interleaved rounds, the median of
// the per-round ratios; target: Go within 1.5× of JavaScript), a bare parse of both parts
// (the floor), and edit→diagnostics latency on a generated 20k-line .go file of net/http
// handlers (bench/latency.mjs, shape `go`).
//
// Corpus (reproducible, like the others): pinned Go modules fetched by the Go toolchain's own
// client (`go mod download`, so the machine's GOPROXY and GONOSUMDB settings apply) into
// <cache>/gomod (a GOMODCACHE of its own, never the repo); their .go files outside tests
// (`_test.go`, `testdata/`, `vendor/`) and its go.mod are copied into <cache>/corpus-go/go/<module>, in sorted
// path order, each module capped at an equal share of the line budget, the share of modules
// smaller than theirs going to the others.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { againstJsLines, benchAgainstJs } from './againstJs.mjs';

// Web frameworks and their middleware (handlers, routers), database layers, CLI and metrics
// libraries, a site generator, and a large Terraform provider (library code with few sources).
export const GO_MODULES = [
  'github.com/gin-gonic/gin@v1.10.1',
  'github.com/labstack/echo/v4@v4.13.4',
  'github.com/go-chi/chi/v5@v5.2.3',
  'github.com/gofiber/fiber/v2@v2.52.9',
  'github.com/gorilla/mux@v1.8.1',
  'gorm.io/gorm@v1.31.1',
  'github.com/jmoiron/sqlx@v1.4.0',
  'github.com/jackc/pgx/v5@v5.8.0',
  'github.com/spf13/cobra@v1.9.1',
  'github.com/prometheus/client_golang@v1.23.2',
  'github.com/minio/minio-go/v7@v7.0.99',
  'github.com/gohugoio/hugo@v0.139.0',
  'github.com/hashicorp/terraform-provider-google@v1.20.0',
];

const GO_FILE = /^(?!.*_test\.go$).*\.go$/;
const skipDir = (name) => name === 'testdata' || name === 'vendor' || name.startsWith('.');

/** Module → its folder in the module cache, downloading what is missing; undefined without `go`. */
function goDownload(modDir, log) {
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
  } catch {
    log('no go on this machine: the Go part needs the Go toolchain to fetch its modules, skipped');
    return undefined;
  }
  log(`go mod download of ${GO_MODULES.length} modules into ${modDir}`);
  mkdirSync(modDir, { recursive: true });
  // -modcacherw: the module cache is read-only by default, which would stop a later rmSync.
  const out = execFileSync('go', ['mod', 'download', '-json', ...GO_MODULES], {
    cwd: modDir,
    env: { ...process.env, GOMODCACHE: modDir, GOFLAGS: '-modcacherw', GO111MODULE: 'on' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  // A stream of JSON objects, one per module.
  const dirs = new Map();
  for (const chunk of out.split(/\n}\n?/).filter((c) => c.trim())) {
    const m = JSON.parse(`${chunk}\n}`);
    if (m.Error) throw new Error(`go mod download ${m.Path}@${m.Version}: ${m.Error}`);
    dirs.set(`${m.Path}@${m.Version}`, m.Dir);
  }
  return dirs;
}

/** The Go files of a module in sorted path order, with their line counts. */
function goFiles(dir) {
  const files = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const st = lstatSync(full);
      if (st.isSymbolicLink()) continue;
      if (st.isDirectory()) {
        if (!skipDir(name)) walk(full);
      } else if (GO_FILE.test(name) && st.size > 0) files.push({ path: full, lines: readFileSync(full, 'utf8').split('\n').length });
    }
  };
  walk(dir);
  return files;
}

/** Each module's cap: an equal share of `budget`, what a smaller module leaves going to the rest. */
function shares(totals, budget) {
  const caps = new Map();
  let left = budget;
  const order = [...totals].sort((a, b) => a[1] - b[1]);
  order.forEach(([mod, total], i) => {
    const cap = Math.min(total, Math.floor(left / (order.length - i)));
    caps.set(mod, cap);
    left -= cap;
  });
  return caps;
}

/**
 * The Go corpus under <cache>/corpus-go: `{ key, dir, parts: { go: [{ path, lines, bytes }] } }`,
 * or undefined where Go is missing. `assemble(from, to, re, budget, skipDir)` is run.mjs's copier.
 */
export function buildGoCorpus(cache, budget, assemble, log) {
  const corpusDir = join(cache, 'corpus-go');
  const key = JSON.stringify({ GO_MODULES, budget, v: 1 });
  const manifest = join(corpusDir, 'manifest.json');
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8'));
    if (m.key === key) return m;
  }
  const dirs = goDownload(join(cache, 'gomod'), log);
  if (!dirs) return undefined;
  log('assembling the Go corpus');
  rmSync(corpusDir, { recursive: true, force: true });
  const totals = new Map(GO_MODULES.map((mod) => [mod, goFiles(dirs.get(mod)).reduce((a, f) => a + f.lines, 0)]));
  const caps = shares(totals, budget);
  const files = [];
  for (const mod of GO_MODULES) {
    const name = mod.replace(/[/@]/g, '_');
    files.push(...assemble(dirs.get(mod), join(corpusDir, 'go', name), GO_FILE, caps.get(mod), skipDir));
    // The module's go.mod, as in a checkout: imports between its packages resolve through it.
    if (existsSync(join(dirs.get(mod), 'go.mod'))) copyFileSync(join(dirs.get(mod), 'go.mod'), join(corpusDir, 'go', name, 'go.mod'));
  }
  const m = { key, dir: corpusDir, parts: { go: files } };
  mkdirSync(corpusDir, { recursive: true });
  writeFileSync(manifest, JSON.stringify(m));
  return m;
}

/** Runs the part (see benchAgainstJs for `h`). Undefined where Go is missing. */
export async function benchGo(h) {
  const corpus = buildGoCorpus(h.cache, h.budget, h.assemble, h.log);
  if (!corpus) return undefined;
  const r = await benchAgainstJs(h, { key: 'go', label: 'Go', files: corpus.parts.go, dir: corpus.dir, shape: 'go' });
  return { modules: GO_MODULES, ...r };
}

export function goLines(r, fmt) {
  return againstJsLines(r, 'go', 'Go', `Go part: ${r.modules.join(', ')} (go mod download, tests left out)`, fmt);
}
