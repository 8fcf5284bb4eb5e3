import { Family } from './registry';
import { SyntaxAdapter } from './syntax';
import { javascriptSyntax } from './javascript';
import { pythonSyntax } from './python';
import { javaSyntax } from './java';

const ADAPTERS: Record<Family, SyntaxAdapter> = { js: javascriptSyntax, python: pythonSyntax, java: javaSyntax };

export function syntaxFor(family: Family): SyntaxAdapter {
  return ADAPTERS[family];
}
