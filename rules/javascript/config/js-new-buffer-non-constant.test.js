const { Buffer: NodeBuffer } = require('node:buffer');

function decode(body) {
  // ruleid: js-new-buffer-non-constant
  const data = new Buffer(body.payload);
  // ruleid: js-new-buffer-non-constant
  const raw = new Buffer(JSON.parse(input).value);
  // ruleid: js-new-buffer-non-constant
  const n = new NodeBuffer(size);
  return [data, raw, n];
}

// ok: js-new-buffer-non-constant
const header = new Buffer('PK\x03\x04', 'binary');
// ok: js-new-buffer-non-constant
const zeros = new Buffer(16);
// ok: js-new-buffer-non-constant
const safe = Buffer.from(body.payload, 'base64');
// ok: js-new-buffer-non-constant
const arr = new ArrayBuffer(size);
// ok: js-new-buffer-non-constant
const decoded = new Buffer(body.payload, 'base64');
// ok: js-new-buffer-non-constant
const bytes = new Buffer([10, 20, 30, 40]);
// ok: js-new-buffer-non-constant
const copy = new Buffer(new Uint8Array(view));
