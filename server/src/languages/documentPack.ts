/**
 * A document pack: a kind of file that is data, not code (GitHub Actions workflows,
 * Kubernetes manifests, Compose files), recognised by its path rather than by an extension
 * alone, or, for files no path claims, by the first lines of their text. It parses the file with its grammar, reads it into its own model, and runs the
 * checks that its rules (`mode: check`, `check: <name>`, `options:`) name. The engine knows
 * only this interface: which pack a path belongs to, how to read the tree, and the checks.
 *
 * The types below mirror the engine's Finding pieces structurally, so a pack depends on
 * nothing above the languages layer.
 */
import type { Tree } from './parser';

/** How much of a file's text `byContent.recognisesHead` sees. */
export const CONTENT_HEAD_CHARS = 8192;

export interface DocPosition {
  line: number;
  character: number;
}
export interface DocRange {
  start: DocPosition;
  end: DocPosition;
}
export interface DocEdit {
  range: DocRange;
  newText: string;
}
export interface DocFix {
  title: string;
  edits: DocEdit[];
  preferred: boolean;
}
/** One step of the way an untrusted value travels inside the document, source first. */
export interface DocStep {
  range: DocRange;
  message: string;
  /** Absolute path when the step lives in another file than the finding (a module's resource). */
  file?: string;
}

/** What a check reports: where, the words for the message's `{{placeholders}}`, a trace, fixes. */
export interface CheckHit {
  range: DocRange;
  /** The whole construct the finding is about (ignore comments and fingerprints go by it). */
  anchor?: DocRange;
  captures: Record<string, string>;
  trace?: DocStep[];
  fixes?: DocFix[];
}

/** A check reads the pack's model of one file, with the rule's `options` (plain YAML data). */
export type DocumentCheck<Model> = (model: Model, options: Readonly<Record<string, unknown>>) => CheckHit[];

export interface DocumentPack<Model = unknown> {
  /** The name rules use in `languages:` (`github-actions`). */
  kind: string;
  /** `rules/<folder>/`: the pack's rules. */
  rulesFolder: string;
  /**
   * The grammar that parses the files: an id unique across packs and the wasm file copied next
   * to the bundle. A `readText` pack that reads its files by itself alone (templates: their tags
   * are found by scanning, no grammar of every dialect exists) has none, and `parse` throws.
   */
  grammar?: { id: string; wasm: string; wasmPackage: string; /** How notices name the syntax (`HCL`); the id in capitals otherwise. */ syntax?: string };
  lineComment: string;
  /** Node types of the grammar that are comments (ignore comments must be real comments); `read` packs. */
  commentTypes: ReadonlySet<string>;
  /** Whether a file (its path with `/` separators, relative or absolute) is of this kind. */
  recognises(path: string): boolean;
  /**
   * Kinds a path cannot tell (a Kubernetes manifest is any YAML with `apiVersion` and
   * `kind`): asked only for files no pack's path claims. `candidate` decides before the file
   * is read (by its extension), `recognisesHead` from its first CONTENT_HEAD_CHARS
   * characters, so a repository's other YAML files are neither parsed nor read twice.
   */
  byContent?: {
    candidate(path: string): boolean;
    recognisesHead(head: string): boolean;
  };
  /**
   * Files longer than the grammar reads at once (tree-sitter-yaml keeps rows in 16 bits: past
   * 32,767 lines a whole file parses as one error): `maxLines`, and the lines where the text
   * may be cut into parts that stand alone (YAML's `---` document starts). Each part is
   * parsed, read and checked by itself (with the file's time budget); its findings are moved back to their lines.
   */
  parts?: { maxLines: number; cuts(text: string): number[] };
  /** Editors: the language ids and path globs of these files (the client's document selector). */
  editorFiles: { language: string; pattern: string }[];
  /**
   * How a file becomes the pack's model; a pack gives one of the two. `read`: the whole text
   * parsed by `grammar`, then read into the model, or a notice when the file is not of this
   * kind after all (or is a template of one, which only its rendered output shows). `path`
   * when known.
   */
  read?(tree: Tree, text: string, path?: string): Model | { notice: string };
  /**
   * `readText`: for files no one grammar parses whole (a Dockerfile is lines of instructions
   * whose bodies are shell scripts), the pack reads the text itself and parses only the pieces
   * it wants with `grammar` through `parse`. The trees stay valid until the checks have run
   * (the engine deletes them); `parse` throws when the file's time budget runs out. Problems
   * the pack could read past are in `notices` (partial findings); ignore comments are the
   * lines `isComment` accepts (`commentTypes` is not used). `path` when known (the file's
   * extension may say which dialect it is written in).
   */
  readText?(text: string, parse: (piece: string) => Tree, path?: string): ReadText<Model> | { notice: string };
  checks: Record<string, DocumentCheck<Model>>;
  /**
   * Files that are read together (Terraform: the `.tf` files of one folder form one module):
   * the engine reads the other members beside the file from disk, asks each for its `facts`
   * (plain data, cached per file version) and hands them to `withFolder` before the checks run.
   * Without it, each file stands alone.
   */
  folder?: FolderHook<Model>;
  /** The titles of the fixes each check may offer (rule pages list them). */
  fixTitles: Record<string, readonly string[] | ((options: Readonly<Record<string, unknown>>) => string[])>;
}

export interface FolderHook<Model> {
  /** Whether a file of this name beside the checked one belongs with it. */
  member(fileName: string): boolean;
  /** What a file tells the other files of its folder (plain data). */
  facts(model: Model): unknown;
  /** The file's model, completed with its folder's other files' facts. */
  withFolder(model: Model, facts: readonly unknown[]): Model;
  /**
   * Other folders a file's text draws on (Terraform's local module calls: `source =
   * "./modules/bucket"`), relative to the file's folder. The engine reads those folders'
   * members (and, the same way, the folders they draw on, without cycles and to a bounded
   * depth) and hands them to `expand`. A path that is no folder is passed over.
   */
  imports?(text: string): string[];
  /**
   * Models checked besides the file's own, built from the imported folders (a module's
   * resources evaluated with the call's arguments), each with how its hits are placed in the
   * checked file (undefined: the hit is not this file's to report).
   */
  expand?(model: Model, folders: readonly ImportedFolder<Model>[]): Expansion<Model>[];
}

/** A folder the checked file draws on, read by the engine. */
export interface ImportedFolder<Model> {
  /** As the importing file's text names it (`./modules/bucket`). */
  request: string;
  /** Absolute path of the folder. */
  path: string;
  /** Its members, each read into the pack's model on its own. */
  files: { path: string; model: Model }[];
  /** The folders its members draw on, the same way. */
  imports: ImportedFolder<Model>[];
}

/** A further model to check with the file, and where its hits go in the file. */
export interface Expansion<Model> {
  model: Model;
  place(hit: CheckHit): CheckHit | undefined;
}

/** What `readText` returns: the model, what could not be read, and where the comments are. */
export interface ReadText<Model> {
  model: Model;
  notices: string[];
  /** Whether the text at `offset` is inside a comment of the file. */
  isComment(offset: number): boolean;
}
