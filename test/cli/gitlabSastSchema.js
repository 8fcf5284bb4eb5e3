// The parts of GitLab's SAST report schema (security-report-schemas v15.0.6,
// dist/sast-report-format.json) that GitLab checks when it ingests a report, written here
// from GitLab's documentation and its ingestion errors ("[Schema] property '/scan' is
// missing required keys: end_time, start_time, status", "'/version' does not match pattern",
// "minLength" on analyzer ids and identifier names). The published schema file cannot be
// fetched from this machine and no npm or PyPI package ships it, so this is not a copy of
// it: a report that passes here can still fail a rule this file does not state.
const Ajv = require('ajv');

const text = { type: 'string', minLength: 1 };
const tool = {
  type: 'object',
  required: ['id', 'name', 'version', 'vendor'],
  properties: {
    id: { type: 'string', minLength: 1, pattern: '^[a-zA-Z0-9_-]+$' },
    name: text,
    url: { type: 'string', pattern: '^https?://' },
    version: text,
    vendor: { type: 'object', required: ['name'], properties: { name: text } },
  },
};
const time = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}$' };

const schema = {
  type: 'object',
  required: ['version', 'scan', 'vulnerabilities'],
  properties: {
    schema: { type: 'string', pattern: '^https?://' },
    version: { type: 'string', pattern: '^15\\.\\d+\\.\\d+$' },
    scan: {
      type: 'object',
      required: ['analyzer', 'scanner', 'type', 'start_time', 'end_time', 'status'],
      properties: {
        analyzer: tool,
        scanner: tool,
        type: { const: 'sast' },
        start_time: time,
        end_time: time,
        status: { enum: ['success', 'failure'] },
        messages: { type: 'array', items: { type: 'object', required: ['level', 'value'], properties: { level: { enum: ['info', 'warning', 'fatal'] }, value: { type: 'string' } } } },
      },
    },
    vulnerabilities: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'identifiers', 'location'],
        properties: {
          id: text,
          name: { type: 'string', maxLength: 255 },
          description: { type: 'string', maxLength: 1048576 },
          severity: { enum: ['Info', 'Unknown', 'Low', 'Medium', 'High', 'Critical'] },
          solution: { type: 'string', maxLength: 7000 },
          identifiers: {
            type: 'array',
            minItems: 1,
            maxItems: 20,
            items: {
              type: 'object',
              required: ['type', 'name', 'value'],
              properties: { type: text, name: text, value: text, url: { type: 'string', pattern: '^(https?|ftp)://.+' } },
            },
          },
          location: {
            type: 'object',
            properties: { file: text, start_line: { type: 'integer', minimum: 1 }, end_line: { type: 'integer', minimum: 1 }, class: { type: 'string' }, method: { type: 'string' } },
          },
        },
      },
    },
  },
};

function gitlabSastValidator() {
  return new Ajv({ allErrors: true, strict: false }).compile(schema);
}

module.exports = { gitlabSastValidator };
