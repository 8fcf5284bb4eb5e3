/**
 * A request sent to a URL that comes from input goes through a helper added after the
 * file's imports: it parses the URL (`new URL()`, `urllib.parse.urlsplit`), accepts only
 * http(s), and compares the host exactly with a module-level `ALLOWED_HOSTS` set that the
 * developer fills in. Until they do, every such request is refused: the fix is not
 * preferred, so it is never applied without being read.
 */
import type { SyntaxNode } from '../languages/parser';
import type { FileContext } from '../engine/fileContext';
import { nodeRange } from '../engine/fileContext';
import type { Fix, TextEdit } from '../engine/finding';
import type { Summary } from '../taint/context';
import { jsAfterImports, jsModuleStyle, mentionsName, mergeInserts, pyAfterImports, pyImport } from './placement';
import { TAINT_FIXES } from '../taint/fixCatalog';

function jsHelper(ctx: FileContext): string {
  const typed = ctx.language.id === 'typescript' || ctx.language.id === 'tsx';
  const semi = jsModuleStyle(ctx)?.semicolon === false ? '' : ';';
  return [
    '',
    '// Hosts this code may send requests to, compared exactly: add the ones it needs, in lower',
    "// case (e.g. 'hooks.example.com'). A URL to any other host, or not http(s), is refused.",
    `const ALLOWED_HOSTS = new Set${typed ? '<string>' : ''}([])${semi}`,
    '',
    `function allowedUrl(value${typed ? ': string | URL' : ''})${typed ? ': string' : ''} {`,
    `  const url = new URL(value)${semi}`,
    `  if (!['http:', 'https:'].includes(url.protocol) || !ALLOWED_HOSTS.has(url.hostname)) {`,
    `    throw new Error(\`host not allowed: \${url.hostname}\`)${semi}`,
    '  }',
    `  return url.href${semi}`,
    '}',
  ].join('\n');
}

function pyHelper(urllib: string): string {
  return [
    '# Hosts this code may send requests to, compared exactly: add the ones it needs, in lower',
    '# case (e.g. "api.example.com"). A URL to any other host, or not http(s), is refused.',
    'ALLOWED_HOSTS = set()',
    '',
    '',
    'def allowed_url(url):',
    '    """Returns url if it is http(s) to a host in ALLOWED_HOSTS; raises ValueError otherwise."""',
    `    parts = ${urllib}.urlsplit(url)`,
    '    if parts.scheme not in ("http", "https") or parts.hostname not in ALLOWED_HOSTS:',
    '        raise ValueError(f"host not allowed: {parts.hostname}")',
    '    return parts.geturl()',
  ].join('\n');
}

/** The allow-list fix for an SSRF sink's URL argument. */
export function hostAllowListFix(ctx: FileContext, arg: SyntaxNode, local?: ReadonlyMap<string, Summary>): Fix | undefined {
  const js = ctx.adapter.family === 'js';
  const name = js ? 'allowedUrl' : 'allowed_url';
  const edits: TextEdit[] = [{ range: nodeRange(arg), newText: `${name}(${arg.text})` }];
  if (mentionsName(ctx, name)) {
    // Reuse one of that name only when the analysis shows it lets no other URL through.
    if (!local?.get(name)?.returnCleanFor?.get(0)?.includes('ssrf')) return undefined;
  } else {
    if (mentionsName(ctx, 'ALLOWED_HOSTS')) return undefined;
    if (js) {
      const helper = jsAfterImports(ctx, jsHelper(ctx));
      if (!helper) return undefined;
      edits.push(helper);
    } else {
      const urllib = pyImport(ctx, 'urllib.parse');
      // The helper goes after the imports: with `import urllib.parse` just added, after that.
      const helper = urllib && pyAfterImports(ctx, pyHelper(urllib.local));
      if (!urllib || !helper) return undefined;
      edits.push(...mergeInserts([...urllib.edits, helper]));
    }
  }
  return { title: TAINT_FIXES.ssrf.allowList.title, preferred: false, edits };
}
