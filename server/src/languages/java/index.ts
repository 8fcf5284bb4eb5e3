/** The Java pack. */
import type { LanguagePack } from '../pack';
import { javaSyntax } from './syntax';
import { javaTaint } from './taint';
import { javaFixes } from './fixes';

export const javaPack: LanguagePack = {
  family: 'java',
  name: 'Java',
  rulesFolder: 'java',
  // Java spends more bytes on types, imports and names: 0.4 of a JavaScript byte with a
  // summaries file, 0.47 when a job summarises the helpers itself (the benchmark's Java part).
  scanCostPerByte: 0.4,
  summaryCostPerByte: 0.07,
  grammars: [
    {
      id: 'java', family: 'java', wasm: 'tree-sitter-java.wasm', wasmPackage: 'tree-sitter-java', extensions: ['.java'], editorLanguages: ['java'], lineComment: '//',
      sample: 'import java.io.*;\nclass X {\n  void run(String dir) throws IOException {\n    if (dir != null) Runtime.getRuntime().exec("ls " + dir);\n  }\n}\n',
    },
  ],
  aliases: {},
  ruleLanguages: { java: ['java'] },
  syntax: javaSyntax,
  taint: javaTaint,
  fixes: javaFixes,
};
