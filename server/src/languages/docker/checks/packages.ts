/**
 * How RUN steps fetch software: TLS certificate checks off, package signature checks off,
 * and packages from public registries (PyPI, npm, RubyGems, Go, crates.io) installed at
 * whatever version is newest. Distribution packages (apt, apk, yum) are not in the last
 * check: they come signed from the distribution's own repositories, and pinning them is
 * about reproducible builds, not about who can publish code into the image.
 */
import type { CheckHit } from '../../documentPack';
import type { ShellWord } from '../shell';
import { assignments } from '../dockerfile';
import { clip, commands, DockerModel, effective, hitAt, normalisedTool } from '../model';

/** `--name value` or `--name=value`. */
function optionValue(args: readonly ShellWord[], names: readonly string[]): ShellWord | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    for (const n of names) {
      if (v === n) return args[i + 1];
      if (v.startsWith(`${n}=`)) return args[i];
    }
  }
  return undefined;
}

function hasWord(args: readonly ShellWord[], test: (v: string) => boolean): ShellWord | undefined {
  return args.find((a) => test(a.value));
}

/** `… config set <key> <value>` (npm, yarn, pnpm, pip) with `key` matching and the value given. */
function configSet(args: readonly ShellWord[], key: RegExp, value: RegExp): ShellWord | undefined {
  const at = args.findIndex((a) => a.value === 'set' || a.value === '--set');
  if (at < 0) return undefined;
  const k = args[at + 1];
  if (!k) return undefined;
  const eq = k.value.indexOf('=');
  if (eq > 0) return key.test(k.value.slice(0, eq)) && value.test(k.value.slice(eq + 1)) ? k : undefined;
  return key.test(k.value) && args[at + 2] && value.test(args[at + 2]!.value) ? k : undefined;
}

const FALSE = /^(?:false|0|no|off)$/i;
const TRUE = /^(?:true|1|yes|on)$/i;

export function tlsVerificationOff(model: DockerModel): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const cmd of commands(model)) {
    const raw = effective(cmd);
    if (!raw) continue;
    const e = normalisedTool(raw);
    let word: ShellWord | undefined;
    switch (e.name) {
      case 'curl':
        word = hasWord(e.args, (v) => v === '--insecure' || /^-[a-zA-Z]*k[a-zA-Z]*$/.test(v));
        break;
      case 'wget':
      case 'apk':
        word = hasWord(e.args, (v) => v === '--no-check-certificate');
        break;
      case 'pip':
      case 'pip3':
        word = optionValue(e.args, ['--trusted-host']) ? hasWord(e.args, (v) => v.startsWith('--trusted-host')) : configSet(e.args, /(?:^|\.)trusted-host$/, /./);
        break;
      case 'npm':
      case 'yarn':
      case 'pnpm':
        word = configSet(e.args, /^(?:strict-ssl|strictSsl|enableStrictSsl)$/, FALSE) ?? hasWord(e.args, (v) => /^--strict-ssl=(?:false|0)$/.test(v));
        break;
      case 'git':
        word = hasWord(e.args, (v) => /^http\.sslverify=(?:false|0|no)$/i.test(v)) ?? (() => {
          const at = e.args.findIndex((a) => /^http\.(?:[^.]+\.)?sslverify$/i.test(a.value));
          return at >= 0 && e.args[at + 1] && FALSE.test(e.args[at + 1]!.value) ? e.args[at] : undefined;
        })();
        break;
      case 'conda':
        word = configSet(e.args, /^ssl_verify$/, FALSE);
        break;
      case 'composer':
        word = (() => {
          const at = e.args.findIndex((a) => a.value === 'disable-tls' || a.value === 'secure-http');
          if (at < 0 || !e.args[at + 1]) return undefined;
          return (e.args[at]!.value === 'disable-tls' ? TRUE : FALSE).test(e.args[at + 1]!.value) ? e.args[at] : undefined;
        })();
        break;
    }
    if (word) hits.push(hitAt(model, cmd.instruction, word.start, word.end, { command: clip(`${e.name} ${word.value}`, 40) }));
  }
  const BAD_ENV: Record<string, RegExp> = {
    NODE_TLS_REJECT_UNAUTHORIZED: /^0$/,
    GIT_SSL_NO_VERIFY: /^(?:1|true|yes)$/i,
    PYTHONHTTPSVERIFY: /^0$/,
    NPM_CONFIG_STRICT_SSL: FALSE,
    PIP_TRUSTED_HOST: /./,
    CURL_INSECURE: TRUE,
  };
  for (const ins of model.file.instructions) {
    if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') continue;
    for (const a of assignments(ins)) {
      const bad = BAD_ENV[a.name.toUpperCase()];
      if (bad && a.value !== undefined && bad.test(a.value.trim())) hits.push(hitAt(model, ins, a.word.start, a.valueEnd, { command: clip(`${a.name}=${a.value.trim()}`, 40) }));
    }
  }
  return hits;
}

export function unsignedPackages(model: DockerModel): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const cmd of commands(model)) {
    const e = effective(cmd);
    if (!e) continue;
    let word: ShellWord | undefined;
    switch (e.name) {
      case 'apt-get':
      case 'apt':
      case 'aptitude':
        word = hasWord(e.args, (v) => v === '--allow-unauthenticated' || v === '--allow-insecure-repositories' || v === '--force-yes' || /(?:AllowUnauthenticated|AllowInsecureRepositories|AllowDowngradeToInsecureRepositories)\s*=\s*(?:true|1|yes)/i.test(v));
        break;
      case 'apk':
        word = hasWord(e.args, (v) => v === '--allow-untrusted');
        break;
      case 'yum':
      case 'dnf':
      case 'microdnf':
      case 'tdnf':
      case 'zypper':
        word = hasWord(e.args, (v) => v === '--nogpgcheck' || v === '--no-gpg-checks' || /^--setopt=(?:[\w.-]+\.)?gpgcheck=(?:0|false|no)$/i.test(v));
        break;
      case 'rpm':
        word = hasWord(e.args, (v) => v === '--nosignature' || v === '--nodigest' || v === '--nosig');
        break;
      case 'echo':
      case 'printf':
        // A repository written as trusted (`[trusted=yes]`) or with signature checks off (`gpgcheck=0`);
        // local repositories (`file:`, `copy:`) hold the build's own packages.
        word = hasWord(e.args, (v) => (/\[[^\]]*trusted=yes[^\]]*\]/.test(v) && !/\]\s*(?:file|copy|cdrom):/.test(v)) || /(?:^|\\n|[^_\w])gpgcheck\s*=\s*0\b/.test(v));
        break;
    }
    if (word) hits.push(hitAt(model, cmd.instruction, word.start, word.end, { command: clip(`${e.name} ${word.value}`, 40) }));
  }
  return hits;
}

interface Registry {
  /** Words that are the install subcommand (`install`, `add`); empty: the command itself installs. */
  subcommands: RegExp;
  /** Options that take a value (skipped with it). */
  valueOptions: ReadonlySet<string>;
  /** The whole command is pinned by an option (`-r requirements.txt`, `-c constraints.txt`, `--version 1.2`). */
  pinnedBy?: RegExp;
  /** Only with one of these options (npm: global installs; a project's own dependencies come from its lockfile). */
  requires?: RegExp;
  /** A package argument that names a version, a file, a folder or a URL. */
  pinned: (arg: string) => boolean;
  /** The package managers themselves, updated at their newest by design. */
  tools: ReadonlySet<string>;
  example: string;
}

const LOCAL_OR_URL = /^(?:\.|\/|~|[a-z+]+:\/\/|git\+|file:)|\.(?:whl|tar\.gz|tgz|zip|gem)$|^\$/i;

const REGISTRIES: Record<string, Registry> = {
  pip: {
    subcommands: /^install$/,
    valueOptions: new Set(['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root', '--src', '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--only-binary', '--no-binary', '--progress-bar', '--cache-dir', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert', '--upgrade-strategy', '--global-option', '--install-option', '--config-settings', '-C', '--use-feature', '--python', '--report', '--root-user-action', '-p']),
    pinnedBy: /^(?:-r|--requirement|-c|--constraint)(?:=|$)|^-[rc]\S/,
    pinned: (a) => /==|~=|<|@/.test(a) || LOCAL_OR_URL.test(a) || a.includes('/'),
    tools: new Set(['pip', 'setuptools', 'wheel', 'pip-tools', 'uv', 'pipenv', 'poetry', 'virtualenv']),
    example: 'name==1.2.3',
  },
  npm: {
    subcommands: /^(?:install|i|add|in|ins|inst|insta|instal|isnt|isntal|isntall)$/,
    valueOptions: new Set(['--prefix', '--registry', '--cache', '--userconfig', '--tag', '--omit', '--include', '--install-strategy']),
    requires: /^(?:-g|--global|--location=global)$/,
    pinned: (a) => /^(?:@[^/@]+\/)?[^@]+@(?!latest$|next$|\*$|x$)[^\s]+$/.test(a) || LOCAL_OR_URL.test(a) || /^[\w-]+\/[\w.-]+(?:#|$)/.test(a),
    tools: new Set(['npm', 'yarn', 'pnpm', 'corepack']),
    example: 'name@1.2.3',
  },
  gem: {
    subcommands: /^install$/,
    valueOptions: new Set(['-i', '--install-dir', '-n', '--bindir', '--source', '-s', '-p', '--http-proxy', '--platform', '--document', '-P', '--trust-policy', '--build-root']),
    pinnedBy: /^(?:-v|--version)(?:=|$)/,
    pinned: (a) => /:\d/.test(a) || LOCAL_OR_URL.test(a),
    tools: new Set(['bundler', 'rubygems-update']),
    example: 'name -v 1.2.3',
  },
  go: {
    subcommands: /^install$/,
    valueOptions: new Set(['-o', '-p', '-tags', '-ldflags', '-gcflags', '-modfile', '-mod', '-pkgdir', '-overlay', '-exec']),
    pinned: (a) => /@(?!latest$|master$|main$|HEAD$)\S+$/.test(a) || !a.includes('@') || a.startsWith('.'),
    tools: new Set(),
    example: 'module/cmd@v1.2.3',
  },
  cargo: {
    subcommands: /^install$/,
    valueOptions: new Set(['--root', '--target', '--features', '-F', '-j', '--jobs', '--profile', '--index', '--registry', '--branch', '--bin', '--example', '--target-dir', '--config']),
    pinnedBy: /^(?:--version|--vers|--rev|--tag|--path|--locked)(?:=|$)/,
    pinned: (a) => /@\d/.test(a) || LOCAL_OR_URL.test(a),
    tools: new Set(),
    example: 'name@1.2.3',
  },
};

export function unpinnedPackages(model: DockerModel): CheckHit[] {
  const hits: CheckHit[] = [];
  for (const cmd of commands(model)) {
    const raw = effective(cmd);
    if (!raw) continue;
    const e = normalisedTool(raw);
    const tool = e.name === 'pip3' || e.name === 'pipx' ? 'pip' : e.name === 'pnpm' ? 'npm' : e.name === 'yarn' ? 'yarn' : e.name;
    if (tool === 'yarn') {
      // `yarn global add x`
      if (e.args[0]?.value !== 'global' || e.args[1]?.value !== 'add') continue;
      report(model, hits, cmd.instruction, REGISTRIES.npm!, e.args.slice(2), true);
      continue;
    }
    const reg = REGISTRIES[tool];
    if (!reg) continue;
    const at = e.args.findIndex((a) => !a.value.startsWith('-'));
    if (at < 0 || !reg.subcommands.test(e.args[at]!.value)) continue;
    const args = e.args.slice(at + 1);
    // `go install` without a version reads the module's go.mod.
    report(model, hits, cmd.instruction, reg, args, !reg.requires || args.some((a) => reg.requires!.test(a.value)) || e.args.slice(0, at).some((a) => reg.requires!.test(a.value)));
  }
  return hits;
}

function report(model: DockerModel, hits: CheckHit[], ins: Parameters<typeof hitAt>[1], reg: Registry, args: readonly ShellWord[], applies: boolean): void {
  if (!applies) return;
  if (reg.pinnedBy && args.some((a) => reg.pinnedBy!.test(a.value))) return;
  const unpinned: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v.startsWith('-')) {
      if (reg.valueOptions.has(v)) i++;
      continue;
    }
    if (v === '' || reg.pinned(v) || v.includes('$')) continue;
    const name = v.replace(/\[.*$/, '').replace(/[<>=!~@:].*$/, '').toLowerCase();
    if (reg.tools.has(name)) continue;
    unpinned.push(args[i]!);
  }
  if (unpinned.length === 0) return;
  const names = clip(unpinned.map((w) => w.value).join(' '), 35);
  hits.push(hitAt(model, ins, unpinned[0]!.start, unpinned[unpinned.length - 1]!.end, { packages: names, example: reg.example }));
}
