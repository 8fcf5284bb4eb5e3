/** Modules esbuild.mjs generates at build time. */
declare module 'virtual:rule-validator' {
  const validate: (data: unknown) => boolean;
  export default validate;
}
