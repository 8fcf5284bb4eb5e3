// The severity policy (docs/severity.md) holds for every shipped rule: each declares what kind
// of problem it reports, and its severity is the one that kind and its confidence allow. The
// same pass checks the text a user reads: a one-sentence message, a one-line advice and a
// short why.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');
const { firstSentence, sentenceCount } = require('../messageText');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const rulesDir = path.join(__dirname, '..', '..', 'rules');
const { engine, errors } = W.loadEngine([rulesDir]);
const rules = engine.rules;

/** The YAML as written, to tell a declared field from a default. */
function raw(rule) {
  return parse(fs.readFileSync(rule.file, 'utf8'));
}

function failures(check) {
  const out = [];
  for (const rule of rules) {
    const problem = check(rule);
    if (problem) out.push(`${path.relative(rulesDir, rule.file)}: ${problem}`);
  }
  return out;
}

test('the shipped rules load', () => {
  assert.deepEqual(errors, []);
  assert.ok(rules.length > 250, `${rules.length} rules`);
});

test('the policy: error only for high-confidence flows, exploitable configurations and secrets', () => {
  const p = W.policySeverity;
  assert.equal(p('flow', 'high'), 'error');
  assert.equal(p('flow', 'medium'), 'warning');
  assert.equal(p('flow', 'low'), 'info');
  assert.equal(p('exploitable-config', 'high'), 'error');
  assert.equal(p('secret', 'high'), 'error');
  assert.equal(p('secret', 'medium'), 'warning');
  for (const kind of ['unsafe-api', 'weak-crypto', 'limited-secret']) {
    assert.equal(p(kind, 'high'), 'warning', kind);
    assert.equal(p(kind, 'low'), 'info', kind);
  }
  for (const c of ['high', 'medium', 'low']) assert.equal(p('hardening', c), 'info');
  // Users' rules without a kind get one from their mode and category.
  assert.equal(W.defaultKind('taint', 'injection'), 'flow');
  assert.equal(W.defaultKind('pattern', 'crypto'), 'weak-crypto');
  assert.equal(W.defaultKind('pattern', 'injection'), 'unsafe-api');
  assert.equal(W.defaultKind('secret', 'secrets'), 'secret');
});

test('every rule declares a kind that fits its mode', () => {
  assert.deepEqual(
    failures((rule) => {
      const kind = raw(rule).kind;
      if (!kind) return 'no `kind`';
      if (!W.kindFitsMode(kind, rule.mode)) return `kind ${kind} does not fit mode ${rule.mode}`;
      return undefined;
    }),
    [],
  );
});

test('every rule has the severity the policy gives its kind and confidence', () => {
  assert.deepEqual(
    failures((rule) => {
      const expected = W.policySeverity(rule.kind, rule.confidence);
      return rule.severity === expected ? undefined : `severity ${rule.severity}, but ${rule.kind} with ${rule.confidence} confidence is ${expected}`;
    }),
    [],
  );
});

// A placeholder is filled with code of about this length when the rule is typical.
const TYPICAL_CAPTURE = 14;

test('every message is one short sentence saying what is wrong, with placeholders as code', () => {
  assert.deepEqual(
    failures((rule) => {
      const m = rule.message;
      if (/\n/.test(m)) return 'message spans lines';
      if (firstSentence(m) !== m) return `message has more than one sentence: ${m}`;
      if (/[.:;]$/.test(m)) return `message ends in punctuation (a one-sentence message needs none): ${m}`;
      const typical = m.replace(/\{\{\s*[\w:.-]+\s*\}\}/g, 'x'.repeat(TYPICAL_CAPTURE));
      if (typical.length > 90) return `message is ${typical.length} characters with typical code in it (at most 90): ${m}`;
      const bare = m.replace(/`[^`]*`/g, '');
      if (/\{\{/.test(bare)) return `a placeholder outside backticks (it is code): ${m}`;
      return undefined;
    }),
    [],
  );
});

test('every rule says what to do in one line', () => {
  assert.deepEqual(
    failures((rule) => {
      const a = rule.advice;
      if (!a) return 'no `advice`';
      if (/\n/.test(a)) return 'advice spans lines';
      if (a.length > 120) return `advice is ${a.length} characters (at most 120): ${a}`;
      if (/\{\{/.test(a)) return `advice is not interpolated, so it cannot use placeholders: ${a}`;
      if (!/[.!]$/.test(a)) return `advice is a sentence and ends with a full stop: ${a}`;
      return undefined;
    }),
    [],
  );
});

test('every rule says why it matters in one short paragraph', () => {
  assert.deepEqual(
    failures((rule) => {
      const w = rule.why;
      if (!w) return 'no `why` and no docs paragraph to take it from';
      if (w.length > 300) return `why is ${w.length} characters (at most 300; add a \`why\` if the docs' first paragraph is longer): ${w}`;
      const n = sentenceCount(w);
      if (n > 3) return `why has ${n} sentences (at most 3): ${w}`;
      if (/:$/.test(w)) return `why ends with a colon, so it introduces something that is not there: ${w}`;
      return undefined;
    }),
    [],
  );
});
