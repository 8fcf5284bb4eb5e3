// Go fixtures are real code: `go vet` type-checks them in a temporary module whose third-party
// imports are the minimal declarations under test/fixtures/go-stubs (wired in with `replace`
// directives), so nothing is downloaded. Shared by the rule fixture test and the conformance suite.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const stubs = path.join(__dirname, 'fixtures', 'go-stubs');

function filesUnder(dir, suffix) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, suffix));
    else if (entry.name.endsWith(suffix)) out.push(full);
  }
  return out.sort();
}

const probe = spawnSync('go', ['version'], { encoding: 'utf8' });
/** Why the Go checks are skipped, or false when `go` runs. */
const goMissing = probe.error || probe.status !== 0 ? 'go is not installed (install golang-go to check the Go fixtures)' : false;

const env = { ...process.env, GOFLAGS: '-mod=mod', GOPROXY: 'off', GOTOOLCHAIN: 'local', GOWORK: 'off', GOSUMDB: 'off', GONOSUMCHECK: '1' };

/** The stub modules: every folder under go-stubs holding a go.mod, by module path. */
function stubModules() {
  return filesUnder(stubs, 'go.mod').map((f) => ({ dir: path.dirname(f), module: /^module\s+(\S+)/m.exec(fs.readFileSync(f, 'utf8'))[1] }));
}

/** A go.mod for `module` that requires every stub module and points it at its folder. */
function goModText(module) {
  const mods = stubModules();
  // A major version in the path (`/v5`, gopkg.in's `.v3`) is the version's major too.
  const version = (m) => (/[/.]v(\d+)$/.test(m) ? `v${/[/.]v(\d+)$/.exec(m)[1]}.0.0` : 'v0.0.0');
  return [`module ${module}`, '', 'go 1.22', '', ...mods.map((m) => `require ${m.module} ${version(m.module)}`), '', ...mods.map((m) => `replace ${m.module} => ${m.dir}`), ''].join('\n');
}

/**
 * `go vet ./...` over a temporary module: `fill(dir)` writes the sources into it; the module path
 * is `module`. Returns the status and the output with the temporary folder's name taken out.
 */
function vetModule(module, fill) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ward-govet-'));
  try {
    fill(dir);
    fs.writeFileSync(path.join(dir, 'go.mod'), goModText(module));
    const result = spawnSync('go', ['vet', './...'], { cwd: dir, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    return { status: result.status, output: ((result.stderr || '') + (result.stdout || '')).split(dir + path.sep).join('') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { goMissing, vetModule, filesUnder };
