/** The JavaScript pack: JavaScript, TypeScript and TSX. */
import type { LanguagePack, LanguageSpec } from '../pack';
import { javascriptSyntax } from './syntax';
import { javascriptTaint } from './taint';
import { javascriptFixes } from './fixes';

const SAMPLE = "const cp = require('child_process');\nconst app = require('express')();\napp.get('/x', (req, res) => {\n  const dir = req.query.dir;\n  if (dir) cp.exec('ls ' + dir, (err, out) => res.send(`<p>${out}</p>`));\n});\n";
const grammar = (id: string, wasm: string, extensions: string[]): LanguageSpec => ({ id, family: 'js', wasm, extensions, lineComment: '//', sample: SAMPLE });

export const javascriptPack: LanguagePack = {
  family: 'js',
  rulesFolder: 'javascript',
  grammars: [
    grammar('javascript', 'tree-sitter-javascript.wasm', ['.js', '.jsx', '.mjs', '.cjs']),
    grammar('typescript', 'tree-sitter-typescript.wasm', ['.ts', '.mts', '.cts']),
    grammar('tsx', 'tree-sitter-tsx.wasm', ['.tsx']),
  ],
  aliases: { javascript: 'javascript', javascriptreact: 'javascript', js: 'javascript', jsx: 'javascript', typescript: 'typescript', ts: 'typescript', typescriptreact: 'tsx', tsx: 'tsx' },
  // TypeScript rules run on TSX too, and JavaScript rules on all of the family (TS is a superset of JS).
  ruleLanguages: { javascript: ['javascript', 'typescript', 'tsx'], js: ['javascript', 'typescript', 'tsx'], typescript: ['typescript', 'tsx'], ts: ['typescript', 'tsx'], tsx: ['tsx'] },
  syntax: javascriptSyntax,
  taint: javascriptTaint,
  fixes: javascriptFixes,
};
