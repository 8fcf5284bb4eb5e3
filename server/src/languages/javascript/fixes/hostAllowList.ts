/** The host allow-list helper in JavaScript: `new URL()` and a module-level `ALLOWED_HOSTS` set after the imports. */
import type { FileContext } from '../../../engine/fileContext';
import type { AllowListHelper } from '../../../fixes/hostAllowList';
import { isTyped, jsAfterImports, semicolon } from './placement';

function helperText(ctx: FileContext): string {
  const typed = isTyped(ctx);
  const semi = semicolon(ctx);
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

export const allowListHelper: AllowListHelper = {
  name: 'allowedUrl',
  edits(ctx) {
    const helper = jsAfterImports(ctx, helperText(ctx));
    return helper && [helper];
  },
};
