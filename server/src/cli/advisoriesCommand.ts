/**
 * `ward advisories update|import|status`: the advisory database behind the dependency
 * rules. `update` is the one command of Ward that uses the network, and says so before it
 * starts; `import` reads a zip brought in by hand (air-gapped machines); `status` shows what
 * is there. Scans only read the database (deps/scanner.ts).
 */
import { join, resolve } from 'node:path';
import type { LoadedConfig } from '../engine/config';
import { ImportError, importZip, ImportResult } from '../deps/advisoryImport';
import { ageInDays, AdvisoryStore, defaultAdvisoryFolder, describeDates } from '../deps/advisoryStore';
import { DownloadError, proxyFor } from '../deps/download';
import { exportUrl, OSV_BASE_URL, updateEcosystem } from '../deps/advisoryUpdate';
import { Ecosystem, ecosystemNamed, ECOSYSTEMS } from '../deps/ecosystem';
import type { DependencyCheckOptions } from '../deps/scanner';
import { UsageError } from './args';
import { CliError, readConfig, say } from './commandSetup';
import { terminalSafe } from './terminalText';


export const ADVISORIES_USAGE = `Usage: ward advisories <command> [options]

  ward advisories update [--ecosystem npm,PyPI,Maven,Go] [--source URL]
                              download OSV's advisory exports (<source>/<Ecosystem>/all.zip,
                              default ${OSV_BASE_URL}) and index them; the only
                              Ward command that uses the network. HTTPS_PROXY / HTTP_PROXY /
                              NO_PROXY are honoured
  ward advisories import FILE.zip [--ecosystem …]
                              index an OSV export brought in by hand (offline machines)
  ward advisories status      what the database holds and how old it is

Options: --folder DIR (default: advisories.folder in .ward.yaml, $WARD_ADVISORIES_DIR,
or ~/.cache/ward/advisories), -c/--config FILE, --no-config.
`;

interface AdvisoryArgs {
  command: 'update' | 'import' | 'status' | 'help';
  file?: string;
  ecosystems?: Ecosystem[];
  folder?: string;
  source?: string;
  config?: string;
  noConfig: boolean;
}

function parseAdvisoryArgs(argv: string[]): AdvisoryArgs {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') return { command: 'help', noConfig: false };
  if (command !== 'update' && command !== 'import' && command !== 'status') throw new UsageError(`unknown advisories command "${command}" (update, import or status)`);
  const args: AdvisoryArgs = { command, noConfig: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const take = (): string => {
      if (inline !== undefined) return inline;
      const v = rest[++i];
      if (v === undefined || v === '') throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--ecosystem':
      case '--ecosystems':
        args.ecosystems = take().split(',').filter(Boolean).map((name) => {
          const e = ecosystemNamed(name);
          if (!e) throw new UsageError(`unknown ecosystem "${name}" (${ECOSYSTEMS.join(', ')})`);
          return e;
        });
        break;
      case '--folder':
        args.folder = take();
        break;
      case '--source':
        args.source = take();
        break;
      case '--config':
      case '-c':
        args.config = take();
        break;
      case '--no-config':
        args.noConfig = true;
        break;
      default:
        if (a.startsWith('-')) throw new UsageError(`unknown option "${a}"`);
        if (command !== 'import' || args.file) throw new UsageError(`unexpected argument "${a}"`);
        args.file = a;
    }
  }
  if (command === 'import' && !args.file) throw new UsageError('ward advisories import needs the zip file to import');
  return args;
}

/** The folder and settings the dependency rules of a scan use. */
export function dependencyOptions(config: LoadedConfig, folder?: string): DependencyCheckOptions {
  return {
    folder: folder ? resolve(folder) : config.settings.advisories.folder || defaultAdvisoryFolder(),
    maxAgeDays: config.settings.advisories.maxAgeDays,
    ignore: config.ignore,
  };
}

export function databaseDates(options: DependencyCheckOptions): string {
  return describeDates(new AdvisoryStore(options.folder).status());
}

function summary(result: ImportResult): string[] {
  const lines = result.imported.map(
    (m) => `  ${m.ecosystem}: ${m.advisories.toLocaleString('en-US')} advisories for ${m.packages.toLocaleString('en-US')} packages, newest record ${m.newestRecord.slice(0, 10) || 'undated'}`,
  );
  if (result.badRecords.length > 0) lines.push(`  ${result.badRecords.length} file${result.badRecords.length === 1 ? '' : 's'} skipped (not OSV records), e.g. ${terminalSafe(result.badRecords[0]!)}`);
  return lines;
}

function folderFor(args: AdvisoryArgs): string {
  const config = args.noConfig ? undefined : readConfig({ config: args.config, noConfig: false } as Parameters<typeof readConfig>[0]);
  return args.folder ? resolve(args.folder) : config?.settings.advisories.folder || defaultAdvisoryFolder();
}

async function update(args: AdvisoryArgs, folder: string): Promise<number> {
  const base = args.source ?? process.env.WARD_ADVISORIES_URL ?? OSV_BASE_URL;
  const ecosystems = args.ecosystems ?? [...ECOSYSTEMS];
  let failed = 0;
  for (const eco of ecosystems) {
    const url = exportUrl(base, eco);
    const proxy = proxyFor(url);
    process.stderr.write(`ward: downloading the ${eco} advisories from ${terminalSafe(url)}${proxy ? ` through the proxy ${terminalSafe(new URL(proxy).host)}` : ''} (network access: only this command uses it)\n`);
    let lastReport = 0;
    try {
      const { downloaded: got, imported } = await updateEcosystem(folder, eco, base, (received, total) => {
        if (!process.stderr.isTTY || Date.now() - lastReport < 500) return;
        lastReport = Date.now();
        process.stderr.write(`\r  ${(received / 1048576).toFixed(1)} MB${total ? ` of ${(total / 1048576).toFixed(1)} MB` : ''}   `);
      });
      if (process.stderr.isTTY && lastReport) process.stderr.write('\n');
      const check = got.checked === 'md5' ? 'MD5 checked' : got.checked === 'length' ? 'length checked (the server sent no checksum)' : 'not checked: the server sent neither length nor checksum';
      process.stderr.write(`ward: ${eco}: ${(got.bytes / 1048576).toFixed(1)} MB received, ${check}, indexed\n`);
      process.stdout.write(`${summary(imported).join('\n')}\n`);
    } catch (err) {
      if (!(err instanceof DownloadError || err instanceof ImportError)) throw err;
      say(`${eco}: ${err.message}; the database already there (if any) is unchanged`);
      failed++;
    }
  }
  process.stdout.write(`Advisory database in ${terminalSafe(folder)}: ${describeDates(new AdvisoryStore(folder).status())}\n`);
  return failed > 0 ? 2 : 0;
}

async function importFile(args: AdvisoryArgs, folder: string): Promise<number> {
  const file = resolve(args.file!);
  try {
    const result = await importZip(file, folder, { ecosystems: args.ecosystems, source: file });
    process.stdout.write(`Imported ${terminalSafe(args.file!)} into ${terminalSafe(folder)}:\n${summary(result).join('\n')}\n`);
    return 0;
  } catch (err) {
    if (err instanceof ImportError) throw new CliError([`${err.message}; the database already there (if any) is unchanged`]);
    throw err;
  }
}

function status(folder: string): number {
  const lines = [`Advisory database: ${terminalSafe(folder)}`];
  for (const [eco, meta] of new AdvisoryStore(folder).status()) {
    if (!meta) {
      lines.push(`  ${eco}: not imported (ward advisories update --ecosystem ${eco})`);
      continue;
    }
    const dated = meta.newestRecord || meta.importedAt;
    lines.push(`  ${eco}: ${meta.advisories.toLocaleString('en-US')} advisories for ${meta.packages.toLocaleString('en-US')} packages, newest record ${dated.slice(0, 10)} (${ageInDays(dated, Date.now())} days ago), imported ${meta.importedAt.slice(0, 10)} from ${terminalSafe(meta.source)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

export async function advisoriesCommand(argv: string[]): Promise<number> {
  let args: AdvisoryArgs;
  try {
    args = parseAdvisoryArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`ward: ${terminalSafe(err.message)}\n\n${ADVISORIES_USAGE}`);
      return 2;
    }
    throw err;
  }
  if (args.command === 'help') {
    process.stdout.write(ADVISORIES_USAGE);
    return 0;
  }
  const folder = folderFor(args);
  if (args.command === 'status') return status(folder);
  return args.command === 'update' ? update(args, folder) : importFile(args, folder);
}
