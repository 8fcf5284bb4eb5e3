/** Modules esbuild.mjs generates at build time. */
declare module 'virtual:editor-languages' {
  /** Every language pack grammar's VS Code language ids (server/src/languages/manifest.ts). */
  const languages: readonly string[];
  export default languages;
}
