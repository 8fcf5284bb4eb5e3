import { Family } from './registry';
import { SyntaxAdapter } from './syntax';
import { javascriptSyntax } from './javascript';
import { pythonSyntax } from './python';
import { javaSyntax } from './java';
import type { TaintSyntax } from './taintSyntax';
import { javascriptTaint } from './javascriptTaint';
import { pythonTaint } from './pythonTaint';
import { javaTaint } from './javaTaint';

const ADAPTERS: Record<Family, SyntaxAdapter> = { js: javascriptSyntax, python: pythonSyntax, java: javaSyntax };

export function syntaxFor(family: Family): SyntaxAdapter {
  return ADAPTERS[family];
}

const TAINT: Record<Family, TaintSyntax> = { js: javascriptTaint, python: pythonTaint, java: javaTaint };

export function taintSyntaxFor(family: Family): TaintSyntax {
  return TAINT[family];
}
