/**
 * The Terraform pack: `.tf` files, read with the HCL grammar (Terraform dialect) into a module
 * model. The `.tf` files of one folder are one module: variables and locals declared in one
 * file are resolved in the others, and checks that look for a companion resource (a bucket's
 * public access block) see the whole folder (the `folder` hook; the engine reads the files).
 * Local module calls are expanded with their arguments (calls.ts): an unsafe value passed to a
 * module is reported where the call passes it.
 */
import type { DocumentPack } from '../documentPack';
import { TERRAFORM_GRAMMAR } from '../hcl/grammar';
import { factsOf, FileFacts, moduleOf, readModule, TfModule } from './module';
import { TERRAFORM_CHECKS, TERRAFORM_FIX_TITLES } from './checks';
import { expandCalls, moduleSources } from './calls';

const TF = /\.tf$/i;

export const terraformPack: DocumentPack<TfModule> = {
  kind: 'terraform',
  rulesFolder: 'terraform',
  grammar: TERRAFORM_GRAMMAR,
  lineComment: '#',
  commentTypes: new Set(['comment']),
  recognises: (path) => TF.test(path),
  editorFiles: [
    { language: 'terraform', pattern: '**/*.tf' },
    { language: 'hcl', pattern: '**/*.tf' },
  ],
  read: (tree, text) => readModule(tree, text),
  folder: {
    member: (name) => TF.test(name),
    facts: (m) => factsOf(m),
    withFolder: (m, facts) => moduleOf(m.file, facts as FileFacts[]),
    imports: moduleSources,
    expand: expandCalls,
  },
  checks: TERRAFORM_CHECKS,
  fixTitles: TERRAFORM_FIX_TITLES,
};
