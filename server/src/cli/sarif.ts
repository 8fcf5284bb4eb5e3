/** SARIF 2.1.0 as GitHub code scanning reads it. */
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../engine/finding';
import type { Rule } from '../engine/rule';
import type { ScanReport } from './report';
import { publicDocsUrl } from '../engine/ruleLinks';

const levelOf = (s: Severity): 'error' | 'warning' | 'note' => (s === 'info' ? 'note' : s);

/** GitHub sorts alerts by this CVSS-like score: errors high, warnings medium, infos low. */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '8.0', warning: '5.5', info: '2.0' };

export { RULE_DOCS_BASE as HELP_BASE } from '../engine/ruleLinks';

function region(f: { range: Finding['range'] }): Record<string, number> {
  return {
    startLine: f.range.start.line + 1,
    startColumn: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  };
}

/**
 * The rule's help as GitHub shows it beside an alert: what Ward says, what to do, then the
 * full docs (which open with why it matters).
 */
/** Messages are one sentence without a full stop (they read as a list in the Problems panel). */
const sentence = (s: string): string => (/[.!?]$/.test(s) ? s : `${s}.`);

function help(rule: Rule): { text: string; markdown: string } {
  const said = sentence(rule.message.replace(/\{\{\s*([\w:.-]+)\s*\}\}/g, '<$1>'));
  const todo = rule.advice ? [rule.advice] : [];
  return {
    text: [said, ...todo, rule.docs].join('\n\n'),
    markdown: [`**${said}**`, ...todo.map((a) => `**What to do:** ${a}`), rule.docs].join('\n\n'),
  };
}

function ruleDescriptor(rule: Rule): Record<string, unknown> {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: [sentence(rule.message.replace(/\{\{[^}]*\}\}/g, '…')), rule.advice].filter(Boolean).join(' ') },
    help: help(rule),
    helpUri: publicDocsUrl(rule.id),
    defaultConfiguration: { level: levelOf(rule.severity) },
    properties: {
      tags: ['security', ...rule.cwe, ...rule.cwe.map((c) => `external/cwe/${c.toLowerCase()}`), ...rule.owasp.map((o) => `owasp-${o}`)],
      cwe: rule.cwe,
      owasp: rule.owasp,
      precision: rule.confidence === 'high' ? 'high' : rule.confidence === 'medium' ? 'medium' : 'low',
      'security-severity': SECURITY_SEVERITY[rule.severity],
      category: rule.category,
      kind: rule.kind,
    },
  };
}

/**
 * A relative URI reference for a path: each segment percent-encoded whole, so a `#` or `?`
 * in a file name is not read as a fragment or query, nor `c:x.js` as a URI with a scheme.
 */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function location(path: string, f: { range: Finding['range'] }): Record<string, unknown> {
  return { physicalLocation: { artifactLocation: { uri: pathToUri(path), uriBaseId: '%SRCROOT%' }, region: region(f) } };
}

export function sarifReport(report: ScanReport): string {
  const rules = [...report.rules].sort((a, b) => a.id.localeCompare(b.id));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = report.files.flatMap((file) =>
    file.findings.map((f, i) => {
      const result: Record<string, unknown> = {
        ruleId: f.ruleId,
        ruleIndex: index.get(f.ruleId),
        level: levelOf(f.severity),
        message: { text: f.message },
        locations: [location(file.path, f)],
        partialFingerprints: { 'wardFindingHash/v1': file.fingerprints?.[i] ?? fingerprintOf(file.path, f) },
      };
      if (f.trace?.length) {
        result.codeFlows = [
          {
            threadFlows: [
              { locations: f.trace.map((s) => ({ location: { ...location(s.file ?? file.path, s), message: { text: s.message } } })) },
            ],
          },
        ];
      }
      if (f.also?.length) {
        result.relatedLocations = f.also.map((n, id) => ({ id, ...location(file.path, n), message: { text: `${n.ruleId}: ${n.message}` } }));
      }
      if (f.dependency) {
        const d = f.dependency;
        result.properties = {
          package: d.name,
          version: d.version,
          ecosystem: d.ecosystem,
          advisories: d.advisories.map((a) => a.id),
          aliases: d.advisories.flatMap((a) => a.aliases),
          ...(d.upgradeTo ? { upgradeTo: d.upgradeTo } : {}),
          ...(d.direct !== undefined ? { direct: d.direct } : {}),
          dependencyPath: d.path,
        };
      }
      if (f.suppressed) {
        result.suppressions = [{ kind: f.suppressed.kind === 'baseline' || f.suppressed.kind === 'config' ? 'external' : 'inSource', justification: f.suppressed.justification }];
      }
      return result;
    }),
  );
  const notifications = report.files.flatMap((file) =>
    file.notices.map((n) => ({ level: 'note', message: { text: `${file.path}: ${n.message}` }, locations: [location(file.path, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } })] })),
  );
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Ward',
            version: report.version,
            semanticVersion: report.version,
            informationUri: 'https://github.com/ward-security/ward',
            rules: rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(report.root.endsWith('/') ? report.root : report.root + '/').href } },
        // `ward merge-sarif` reads the shard to check that each part of the matrix came once.
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications, ...(report.shard ? { properties: { shard: `${report.shard.index}/${report.shard.count}` } } : {}) }],
        columnKind: 'utf16CodeUnits',
        ...(report.advisories ? { properties: { advisoryDatabase: report.advisories } } : {}),
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

/** Stable across unrelated edits: rule, file and the normalised message, not the line number. */
export function fingerprintOf(path: string, f: Finding): string {
  const key = `${f.ruleId}\0${path}\0${f.message.replace(/\s+/g, ' ')}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    h1 = Math.imul(h1 ^ key.charCodeAt(i), 16777619) >>> 0;
    h2 = Math.imul(h2 ^ key.charCodeAt(i), 2246822519) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
