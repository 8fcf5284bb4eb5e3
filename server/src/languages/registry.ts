/** The languages Ward parses, how files map to them, and which syntax family each belongs to. */

export type LanguageId = 'javascript' | 'typescript' | 'tsx' | 'python' | 'java';
export type Family = 'js' | 'python' | 'java';

export interface LanguageSpec {
  id: LanguageId;
  family: Family;
  /** Grammar file copied next to the bundle by esbuild.mjs. */
  wasm: string;
  extensions: string[];
  /** The token that starts a line comment, used to write suppression comments. */
  lineComment: string;
}

export const LANGUAGES: readonly LanguageSpec[] = [
  { id: 'javascript', family: 'js', wasm: 'tree-sitter-javascript.wasm', extensions: ['.js', '.jsx', '.mjs', '.cjs'], lineComment: '//' },
  { id: 'typescript', family: 'js', wasm: 'tree-sitter-typescript.wasm', extensions: ['.ts', '.mts', '.cts'], lineComment: '//' },
  { id: 'tsx', family: 'js', wasm: 'tree-sitter-tsx.wasm', extensions: ['.tsx'], lineComment: '//' },
  { id: 'python', family: 'python', wasm: 'tree-sitter-python.wasm', extensions: ['.py', '.pyw', '.pyi'], lineComment: '#' },
  { id: 'java', family: 'java', wasm: 'tree-sitter-java.wasm', extensions: ['.java'], lineComment: '//' },
];

const byId = new Map(LANGUAGES.map((l) => [l.id, l]));
const byExtension = new Map(LANGUAGES.flatMap((l) => l.extensions.map((e) => [e, l] as const)));

/** VS Code language ids (and the names rules use) mapped onto Ward's grammars. */
const ALIASES: Record<string, LanguageId> = {
  javascript: 'javascript',
  javascriptreact: 'javascript',
  js: 'javascript',
  jsx: 'javascript',
  typescript: 'typescript',
  ts: 'typescript',
  typescriptreact: 'tsx',
  tsx: 'tsx',
  python: 'python',
  py: 'python',
  java: 'java',
};

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
  const id = ALIASES[editorLanguageId.toLowerCase()];
  return id ? byId.get(id) : undefined;
}

/**
 * Which grammars a rule's `languages` entry covers. TypeScript rules run on TSX too, and
 * JavaScript rules run on all of the JS family since TS is a superset of JS.
 */
export function expandRuleLanguage(name: string): LanguageId[] {
  switch (name.toLowerCase()) {
    case 'javascript':
    case 'js':
      return ['javascript', 'typescript', 'tsx'];
    case 'typescript':
    case 'ts':
      return ['typescript', 'tsx'];
    case 'tsx':
      return ['tsx'];
    case 'python':
    case 'py':
      return ['python'];
    case 'java':
      return ['java'];
    default:
      return [];
  }
}
