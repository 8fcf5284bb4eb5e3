/**
 * The language packs Ward has, one entry each, and what follows from them: which grammar a
 * file or an editor language id maps to, and which grammars a rule's `languages` entry covers.
 * Adding a language is adding its pack here (and its folder, models and rules).
 */

export type LanguageId = 'javascript' | 'typescript' | 'tsx' | 'python' | 'java';
export type Family = 'js' | 'python' | 'java';

/** One grammar of a pack (JavaScript's pack has three: JavaScript, TypeScript, TSX). */
export interface LanguageSpec {
  id: LanguageId;
  family: Family;
  /** Grammar file copied next to the bundle by esbuild.mjs. */
  wasm: string;
  extensions: string[];
  /** The token that starts a line comment, used to write suppression comments. */
  lineComment: string;
  /**
   * A few typical lines, analysed when the language server starts so that the first file a
   * user opens does not pay for loading the grammar and warming the engine up.
   */
  sample?: string;
}

export interface LanguagePack {
  family: Family;
  /** `rules/<folder>/`: the pack's rules and its `_models`. */
  rulesFolder: string;
  grammars: LanguageSpec[];
  /** VS Code language ids and the names rules use, mapped onto the pack's grammars. */
  aliases: Record<string, LanguageId>;
  /** A rule's `languages` entry → the grammars it runs on. */
  ruleLanguages: Record<string, LanguageId[]>;
}

const JS_SAMPLE = "const cp = require('child_process');\nconst app = require('express')();\napp.get('/x', (req, res) => {\n  const dir = req.query.dir;\n  if (dir) cp.exec('ls ' + dir, (err, out) => res.send(`<p>${out}</p>`));\n});\n";
const js = (id: LanguageId, wasm: string, extensions: string[]): LanguageSpec => ({ id, family: 'js', wasm, extensions, lineComment: '//', sample: JS_SAMPLE });

export const PACKS: readonly LanguagePack[] = [
  {
    family: 'js',
    rulesFolder: 'javascript',
    grammars: [
      js('javascript', 'tree-sitter-javascript.wasm', ['.js', '.jsx', '.mjs', '.cjs']),
      js('typescript', 'tree-sitter-typescript.wasm', ['.ts', '.mts', '.cts']),
      js('tsx', 'tree-sitter-tsx.wasm', ['.tsx']),
    ],
    aliases: { javascript: 'javascript', javascriptreact: 'javascript', js: 'javascript', jsx: 'javascript', typescript: 'typescript', ts: 'typescript', typescriptreact: 'tsx', tsx: 'tsx' },
    // TypeScript rules run on TSX too, and JavaScript rules on all of the family (TS is a superset of JS).
    ruleLanguages: { javascript: ['javascript', 'typescript', 'tsx'], js: ['javascript', 'typescript', 'tsx'], typescript: ['typescript', 'tsx'], ts: ['typescript', 'tsx'], tsx: ['tsx'] },
  },
  {
    family: 'python',
    rulesFolder: 'python',
    grammars: [
      {
        id: 'python', family: 'python', wasm: 'tree-sitter-python.wasm', extensions: ['.py', '.pyw', '.pyi'], lineComment: '#',
        sample: "import os\nfrom flask import Flask, request\napp = Flask(__name__)\n\n@app.route('/x')\ndef x():\n    d = request.args.get('dir')\n    if d:\n        os.system(f'ls {d}')\n    return f'<p>{d}</p>'\n",
      },
    ],
    aliases: { python: 'python', py: 'python' },
    ruleLanguages: { python: ['python'], py: ['python'] },
  },
  {
    family: 'java',
    rulesFolder: 'java',
    grammars: [
      {
        id: 'java', family: 'java', wasm: 'tree-sitter-java.wasm', extensions: ['.java'], lineComment: '//',
        sample: 'import java.io.*;\nclass X {\n  void run(String dir) throws IOException {\n    if (dir != null) Runtime.getRuntime().exec("ls " + dir);\n  }\n}\n',
      },
    ],
    aliases: { java: 'java' },
    ruleLanguages: { java: ['java'] },
  },
];

export const LANGUAGES: readonly LanguageSpec[] = PACKS.flatMap((p) => p.grammars);

const byId = new Map(LANGUAGES.map((l) => [l.id, l]));
const byExtension = new Map(LANGUAGES.flatMap((l) => l.extensions.map((e) => [e, l] as const)));
const aliases = new Map(PACKS.flatMap((p) => Object.entries(p.aliases)));
const ruleLanguages = new Map(PACKS.flatMap((p) => Object.entries(p.ruleLanguages)));

export function languageSpec(id: LanguageId): LanguageSpec {
  const spec = byId.get(id);
  if (!spec) throw new Error(`unknown language ${id}`);
  return spec;
}

export function languageForPath(path: string): LanguageSpec | undefined {
  const dot = path.lastIndexOf('.');
  if (dot < 0) return undefined;
  if (/\.d\.[cm]?ts$/i.test(path)) return undefined; // declarations hold no code that runs
  return byExtension.get(path.slice(dot).toLowerCase());
}

export function languageForId(editorLanguageId: string): LanguageSpec | undefined {
  const id = aliases.get(editorLanguageId.toLowerCase());
  return id ? byId.get(id) : undefined;
}

/** Which grammars a rule's `languages` entry covers. */
export function expandRuleLanguage(name: string): LanguageId[] {
  return ruleLanguages.get(name.toLowerCase()) ?? [];
}
