/** The Python pack. */
import type { LanguagePack } from '../pack';
import { pythonSyntax } from './syntax';
import { pythonTaint } from './taint';
import { pythonFixes } from './fixes';

export const pythonPack: LanguagePack = {
  family: 'python',
  name: 'Python',
  rulesFolder: 'python',
  // Python: 1.26 ms of CPU per KB against JavaScript's 1.14 on the benchmark.
  scanCostPerByte: 1.1,
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
