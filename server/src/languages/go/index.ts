/** The Go pack. */
import type { LanguagePack } from '../pack';
import { goSyntax } from './syntax';
import { goTaint } from './taint';
import { goFixes } from './fixes';

export const goPack: LanguagePack = {
  family: 'go',
  name: 'Go',
  rulesFolder: 'go',
  // Measured on the benchmark's Go and JavaScript parts twice over, per shard of 8: a Go
  // file costs 1.15 times a JavaScript byte to scan, and 1.6 times when its job summarises
  // the package files it calls (with no summaries file).
  scanCostPerByte: 1.15,
  summaryCostPerByte: 0.45,
  grammars: [
    {
      id: 'go', family: 'go', wasm: 'tree-sitter-go.wasm', wasmPackage: 'tree-sitter-go', extensions: ['.go'], editorLanguages: ['go'], lineComment: '//',
      sample: 'package main\n\nimport (\n\t"net/http"\n\t"os/exec"\n)\n\nfunc list(w http.ResponseWriter, r *http.Request) {\n\tdir := r.URL.Query().Get("dir")\n\tif dir != "" {\n\t\t_ = exec.Command("sh", "-c", "ls "+dir).Run()\n\t}\n}\n',
    },
  ],
  aliases: { golang: 'go' },
  ruleLanguages: { go: ['go'], golang: ['go'] },
  syntax: goSyntax,
  taint: goTaint,
  fixes: goFixes,
};
