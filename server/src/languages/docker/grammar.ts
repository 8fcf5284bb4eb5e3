/** The shell grammar (tree-sitter-bash) that parses `RUN` bodies; the Dockerfile itself is read by lines.ts. */
export const BASH_GRAMMAR = { id: 'bash', wasm: 'tree-sitter-bash.wasm', wasmPackage: 'tree-sitter-bash' } as const;
