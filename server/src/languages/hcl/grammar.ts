/** The HCL grammar in its Terraform dialect (@tree-sitter-grammars/tree-sitter-hcl), for the packs whose files are HCL. */
export const TERRAFORM_GRAMMAR = { id: 'terraform', wasm: 'tree-sitter-terraform.wasm', wasmPackage: '@tree-sitter-grammars/tree-sitter-hcl', syntax: 'HCL' } as const;
