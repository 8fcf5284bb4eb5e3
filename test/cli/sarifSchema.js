// The SARIF 2.1.0 validator the CLI tests share (a helper module: its name does not end in
// `.test.js`, so `node --test test/cli/` loads it only through require).
const fs = require('node:fs');
const path = require('node:path');
const Ajv = require('ajv');

/** The shipped SARIF 2.1.0 schema (draft-04) loaded into ajv 8 (draft-07 keywords are the same for it). */
function sarifValidator() {
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, 'sarif-schema-2.1.0.json'), 'utf8'));
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  const ajv = new Ajv({
    allErrors: true,
    strict: false,
    unicodeRegExp: false,
    formats: {
      uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
      'uri-reference': /^[^\s]*$/,
      'date-time': /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i,
    },
  });
  return ajv.compile(schema);
}

module.exports = { sarifValidator };
