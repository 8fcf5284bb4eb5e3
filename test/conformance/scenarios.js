// The conformance scenarios every language pack supplies, in its own language, under
// test/conformance/packs/<pack>/<scenario>/. One list, read by conformance.test.js: a pack
// without one of these folders fails the suite, so a new pack (Go, …) writes them all.
//
// A scenario folder holds ordinary source files annotated like rule fixtures (`ruleid:` on
// the line before code that must be reported, `ok:` before code that must not). Every file of
// the folder is scanned together (helpers in other files are followed). For each rule an
// annotation names, the findings must be exactly the annotated lines. `checks` adds:
//   trace      the finding's trace runs source → … → sink over exactly the lines marked with a
//              trailing `trace-line` comment, in that order (consecutive steps on one line
//              count once)
//   otherFile  the finding's trace has a step in another file of the folder (the helper)
//   fix        the finding's preferred fix, applied, leaves a file that parses without errors
//              and in which that rule no longer reports (Java: and that compiles; Go: and
//              that passes go vet)
// `cases` says which annotations a scenario needs: `both` (a true case that must fire and a
// decoy that must not), `ruleid` (only cases that must fire).
const SCENARIOS = [
  { id: 'source-in-handler', cases: 'both', about: 'a request value used directly in a handler reaches a sink; a constant does not' },
  { id: 'assignment-chain', cases: 'both', about: 'the value passes through several local variables before the sink' },
  { id: 'helper-same-file', cases: 'both', about: 'the handler passes the value to a helper in the same file that runs the sink; the same helper called with a constant does not report' },
  { id: 'helper-other-file', cases: 'both', checks: ['otherFile'], about: 'the helper lives in another file of the project; the trace goes into it' },
  { id: 'sanitizer', cases: 'both', about: 'a sanitizer of the sink kind (a number conversion, an escape) cleans the value; a sanitizer of another kind does not' },
  { id: 'guard', cases: 'both', about: 'an allow-list check protects the branch that uses the value; the unprotected branch reports' },
  { id: 'constant-condition', cases: 'both', about: 'a condition computed from constants (`(7 * 42) - num > 200`) takes one branch only' },
  { id: 'container', cases: 'both', about: 'a value stored in a map/dict and a list and read back from it' },
  { id: 'trace-shape', cases: 'ruleid', checks: ['trace'], about: 'the trace names the source, each assignment and call on the way, and the sink, on their lines' },
  { id: 'fix-reparses', cases: 'ruleid', checks: ['fix'], about: 'the quick fix applied leaves code that parses and is no longer reported' },
  // Decoys: shapes where the data does not flow, next to the matching shapes where it does.
  { id: 'decoy-constant-switch', cases: 'both', about: 'a switch/match on a constant runs one case only' },
  { id: 'decoy-overwritten', cases: 'both', about: 'a variable given request data and then a constant before its use' },
  { id: 'decoy-map-key', cases: 'both', about: 'a map/dict entry read back by another key than the one holding request data' },
  { id: 'decoy-list-position', cases: 'both', about: 'list elements read by position after add/append, remove/pop and insert' },
  { id: 'decoy-string-methods', cases: 'both', about: 'string methods that keep taint (substring, split, trim) and that drop it (length, a comparison)' },
  { id: 'decoy-constant-helper', cases: 'both', about: 'helpers, lambdas and inner classes that return a constant whatever they are given' },
  { id: 'decoy-class-field', cases: 'both', about: 'fields of the same class: one set to a constant, one set from request data' },
  { id: 'pattern-defers-to-taint', cases: 'both', about: 'a pattern rule on the same call as a taint rule (`defers-to`) is silent where the taint analysis proves the value constant, sanitised or guarded, and reports a value it cannot see (a parameter)' },
];

/**
 * Packs that landed before this suite and have not written their scenarios yet: their missing
 * scenarios show as `todo` instead of failing (with the reason). Any other pack without a
 * scenario fails. Remove a pack from here once its folder is complete.
 */
const PENDING = {};

module.exports = SCENARIOS;
module.exports.PENDING = PENDING;
