/** The YAML grammar (@tree-sitter-grammars/tree-sitter-yaml), shared by the packs whose files are YAML. */
export const YAML_GRAMMAR = { id: 'yaml', wasm: 'tree-sitter-yaml.wasm', wasmPackage: '@tree-sitter-grammars/tree-sitter-yaml' } as const;
