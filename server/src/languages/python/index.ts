/** The Python pack. */
import type { LanguagePack } from '../pack';
import { pythonSyntax } from './syntax';
import { pythonTaint } from './taint';
import { pythonFixes } from './fixes';

export const pythonPack: LanguagePack = {
  family: 'python',
  name: 'Python',
  rulesFolder: 'python',
  // Python: 0.85 of a JavaScript byte with a summaries file, 1.0 when a job summarises the
  // helpers itself (the benchmark's Python part).
  scanCostPerByte: 0.85,
  summaryCostPerByte: 0.15,
  grammars: [
    {
      id: 'python', family: 'python', wasm: 'tree-sitter-python.wasm', wasmPackage: 'tree-sitter-python', extensions: ['.py', '.pyw', '.pyi'], editorLanguages: ['python'], lineComment: '#',
      sample: "import os\nfrom flask import Flask, request\napp = Flask(__name__)\n\n@app.route('/x')\ndef x():\n    d = request.args.get('dir')\n    if d:\n        os.system(f'ls {d}')\n    return f'<p>{d}</p>'\n",
    },
  ],
  aliases: { py: 'python' },
  ruleLanguages: { python: ['python'], py: ['python'] },
  syntax: pythonSyntax,
  taint: pythonTaint,
  fixes: pythonFixes,
};
