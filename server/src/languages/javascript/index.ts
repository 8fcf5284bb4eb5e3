/** The JavaScript pack: JavaScript, TypeScript and TSX. */
import type { LanguagePack, LanguageSpec } from '../pack';
import { javascriptSyntax } from './syntax';
import { javascriptTaint } from './taint';
import { javascriptFixes } from './fixes';

const SAMPLE = "const cp = require('child_process');\nconst app = require('express')();\napp.get('/x', (req, res) => {\n  const dir = req.query.dir;\n  if (dir) cp.exec('ls ' + dir, (err, out) => res.send(`<p>${out}</p>`));\n});\n";
const grammar = (id: string, wasmPackage: string, wasm: string, extensions: string[], editorLanguages: string[]): LanguageSpec => ({ id, family: 'js', wasm, wasmPackage, extensions, editorLanguages, lineComment: '//', sample: SAMPLE });

export const javascriptPack: LanguagePack = {
  family: 'js',
  name: 'JavaScript and TypeScript',
  rulesFolder: 'javascript',
  grammars: [
    grammar('javascript', 'tree-sitter-javascript', 'tree-sitter-javascript.wasm', ['.js', '.jsx', '.mjs', '.cjs'], ['javascript', 'javascriptreact']),
    grammar('typescript', 'tree-sitter-typescript', 'tree-sitter-typescript.wasm', ['.ts', '.mts', '.cts'], ['typescript']),
    grammar('tsx', 'tree-sitter-typescript', 'tree-sitter-tsx.wasm', ['.tsx'], ['typescriptreact']),
  ],
  aliases: { js: 'javascript', jsx: 'javascript', ts: 'typescript' },
  // TypeScript rules run on TSX too, and JavaScript rules on all of the family (TS is a superset of JS).
  ruleLanguages: { javascript: ['javascript', 'typescript', 'tsx'], js: ['javascript', 'typescript', 'tsx'], typescript: ['typescript', 'tsx'], ts: ['typescript', 'tsx'], tsx: ['tsx'] },
  syntax: javascriptSyntax,
  taint: javascriptTaint,
  fixes: javascriptFixes,
};
