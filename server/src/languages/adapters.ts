import { Family } from './registry';
import { SyntaxAdapter } from './syntax';
import { javascriptSyntax } from './javascript';
import { pythonSyntax } from './python';

const ADAPTERS: Record<Family, SyntaxAdapter> = { js: javascriptSyntax, python: pythonSyntax };

export function syntaxFor(family: Family): SyntaxAdapter {
  return ADAPTERS[family];
}
