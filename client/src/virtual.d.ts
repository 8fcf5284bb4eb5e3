/** Modules esbuild.mjs generates at build time. */
declare module 'virtual:editor-languages' {
  /** The document packs' files (language id and path glob) from the registry (languages/manifest.ts). */
  export const DOCUMENT_FILES: readonly { language: string; pattern: string }[];
  /** Every language pack grammar's VS Code language ids (server/src/languages/manifest.ts). */
  const languages: readonly string[];
  export default languages;
}
