/** The host allow-list helper in Python: `urllib.parse.urlsplit` and a module-level `ALLOWED_HOSTS` set after the imports. */
import type { AllowListHelper } from '../../../fixes/hostAllowList';
import { mergeInserts } from '../../../fixes/placement';
import { pyAfterImports, pyImport } from './placement';

function helperText(urllib: string): string {
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

export const allowListHelper: AllowListHelper = {
  name: 'allowed_url',
  edits(ctx) {
    const urllib = pyImport(ctx, 'urllib.parse');
    // The helper goes after the imports: with `import urllib.parse` just added, after that.
    const helper = urllib && pyAfterImports(ctx, helperText(urllib.local));
    if (!urllib || !helper) return undefined;
    return mergeInserts([...urllib.edits, helper]);
  },
};
