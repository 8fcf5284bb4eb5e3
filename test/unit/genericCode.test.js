// The generic engine names no grammar node type and no language: a language is a pack
// (server/src/languages/), and the taint walk, the engine, the server and the CLI only ask
// the pack's questions (kinds, roles, adapters). This reads their sources and fails on any
// string literal that is a named node type of a grammar Ward ships, or a language name.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const GENERIC = ['server/src/taint', 'server/src/engine', 'server/src/lsp', 'server/src/cli', 'server/src/fixes'];

/**
 * Named node types of every grammar the packs load: the node-types.json files their grammar
 * packages ship (dist/languages.json, written by the build from the pack registry, names them).
 */
function grammarTypes() {
  const dist = process.env.WARD_DIST || path.join(root, 'dist');
  const packages = new Set(JSON.parse(fs.readFileSync(path.join(dist, 'languages.json'), 'utf8')).packs.flatMap((p) => p.grammars.map((g) => g.wasmPackage)));
  const found = (dir, depth) =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      if (e.isDirectory()) return depth > 0 && e.name !== 'node_modules' ? found(path.join(dir, e.name), depth - 1) : [];
      return e.name === 'node-types.json' ? [path.join(dir, e.name)] : [];
    });
  const types = new Set(['ERROR']);
  for (const pkg of packages) {
    const files = found(path.join(root, 'node_modules', pkg), 2);
    assert.ok(files.length > 0, `${pkg} ships no node-types.json`);
    for (const f of files) {
      for (const t of JSON.parse(fs.readFileSync(f, 'utf8'))) {
        if (t.named) types.add(t.type);
        for (const s of t.subtypes ?? []) if (s.named) types.add(s.type);
      }
    }
  }
  return types;
}

/**
 * Words that are node types of some grammar and also Ward's own vocabulary: capture names of
 * pattern rules (`call`, `pair`, `string`, `key`, `value`…), kinds and roles of the taint
 * syntax, JavaScript's typeof results. They are flagged only where they are compared with a
 * node's type.
 */
const SHARED_WORDS = new Set([
  'call', 'pair', 'string', 'key', 'value', 'assignment', 'identifier', 'number', 'object', 'function', 'true', 'false', 'null',
  'undefined', 'comment', 'set', 'type', 'pattern', 'class', 'program', 'module', 'block', 'decorator', 'arguments', 'await',
  'yield', 'regex', 'property', 'field', 'name', 'body', 'condition', 'label', 'alias', 'parameters', 'update', 'array', 'this', 'super',
  'interpolation', 'subscript', 'attribute', 'tuple', 'list', 'dictionary', 'expression', 'escape_sequence', 'operator', 'argument',
  'statement', 'declaration', 'error', 'import', 'export', 'new', 'return', 'throw', 'break', 'continue', 'static', 'public', 'final',
  'modifiers', 'annotation', 'superclass', 'none', 'ellipsis', 'integer', 'float', 'boolean', 'char', 'void', 'var', 'target',
  'guard',
  // A finding's anchor (the code it is about) and a document of a document pack: YAML node types too.
  'anchor', 'document',
  // Every tree-sitter grammar's error node.
  'ERROR',
]);

const LANGUAGES = /^(javascript|typescript|tsx|jsx|python|py|java|js|ts|go|golang)$/;

/** The taint syntax's kinds and roles (languages/taintSyntax.ts) are Ward's words, whatever grammars call things. */
function taintWords() {
  const text = fs.readFileSync(path.join(root, 'server/src/languages/taintSyntax.ts'), 'utf8');
  const words = new Set();
  for (const decl of text.matchAll(/export type (?:Kind|Role) =([^;]+);/g)) for (const m of decl[1].matchAll(/'([\w-]+)'/g)) words.add(m[1]);
  return words;
}

function sourceFiles(dir) {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

/** The code without comments (strings kept), line numbers kept. */
function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:\\'"`])\/\/.*$/gm, (m, p) => p + ' '.repeat(m.length - p.length));
}

test('generic code names no grammar node type and no language (they live in the language packs)', () => {
  const types = grammarTypes();
  assert.ok(['call_expression', 'decorated_definition', 'method_invocation', 'type_assertion'].every((t) => types.has(t)), 'every grammar was read');
  const ours = taintWords();
  assert.ok(ours.has('member') && ours.has('property'), 'the kinds and roles were read');
  const problems = [];
  for (const file of GENERIC.flatMap(sourceFiles)) {
    const lines = stripComments(fs.readFileSync(path.join(root, file), 'utf8')).split('\n');
    lines.forEach((line, i) => {
      for (const m of line.matchAll(/(['"])([A-Za-z_][A-Za-z0-9_]*)\1/g)) {
        const word = m[2];
        const before = line.slice(0, m.index);
        const comparedWithType = /\.type\s*[!=]==?\s*$|nodeType\s*[!=]==?\s*$|descendantsOfType\(\s*\[?\s*$/.test(before);
        const shared = SHARED_WORDS.has(word) || ours.has(word);
        if (types.has(word) && (!shared || comparedWithType)) problems.push(`${file}:${i + 1}: node type '${word}'`);
        else if (LANGUAGES.test(word) && !/typeof\s+\S+\s*[!=]==?\s*$/.test(before)) problems.push(`${file}:${i + 1}: language name '${word}'`);
      }
      if (/\bfamily\s*[!=]==?\s*['"]/.test(line)) problems.push(`${file}:${i + 1}: a branch on the language family`);
    });
  }
  assert.deepEqual(problems, [], `${problems.length} places name a node type or a language:\n${problems.join('\n')}`);
});
