// Small OSV exports built by the tests themselves: synthetic advisory records (ids in the
// GHSA shape, made up here, never real data) and a minimal zip writer (deflate, CRC-32,
// central directory), so no test needs a real database or the network.
'use strict';
const zlib = require('node:zlib');
const fs = require('node:fs');
const path = require('node:path');
const os = require('node:os');

/** A zip of `files` ({ name: text or Buffer }), deflated; `stored: true` keeps them uncompressed. */
function makeZip(files, { stored = false } = {}) {
  const locals = [];
  const central = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content);
    const packed = stored ? data : zlib.deflateRawSync(data);
    const crc = zlib.crc32(data);
    const nameBuf = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    locals.push(local, nameBuf, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(stored ? 0 : 8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBuf.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const centralBuf = Buffer.concat(central);
  const count = Object.keys(files).length;
  // Past 65,535 entries (OSV's npm export has more) the counts live in a zip64 record.
  const zip64 = count > 0xffff;
  const tail = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(count), 24);
    record.writeBigUInt64LE(BigInt(count), 32);
    record.writeBigUInt64LE(BigInt(centralBuf.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + centralBuf.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : count, 8);
  end.writeUInt16LE(zip64 ? 0xffff : count, 10);
  end.writeUInt32LE(centralBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralBuf, ...tail, end]);
}

/**
 * One synthetic OSV record. `affected` rows: { name, ecosystem, ranges: [[introduced, fixed]] |
 * events lists, versions }. Severity: a CVSS v3.1 vector, or `label` (GHSA's database_specific).
 */
function osvRecord({ id, aliases = [], summary, modified = new Date().toISOString(), cvss, label, affected, withdrawn }) {
  return {
    schema_version: '1.6.0',
    id,
    modified,
    ...(withdrawn ? { withdrawn } : {}),
    aliases,
    summary: summary ?? `Synthetic advisory ${id}`,
    details: `Written for Ward's tests; not a real advisory.`,
    ...(cvss ? { severity: [{ type: 'CVSS_V3', score: cvss }] } : {}),
    affected: affected.map((a) => ({
      package: { ecosystem: a.ecosystem ?? 'npm', name: a.name },
      ranges: (a.ranges ?? []).map((r) => ({
        type: a.type ?? ((a.ecosystem ?? 'npm') === 'npm' || a.ecosystem === 'Go' ? 'SEMVER' : 'ECOSYSTEM'),
        events: Array.isArray(r[0]) || typeof r[0] === 'object' ? r : [{ introduced: r[0] }, ...(r[1] ? [{ fixed: r[1] }] : [])],
      })),
      ...(a.versions ? { versions: a.versions } : {}),
    })),
    ...(label ? { database_specific: { severity: label } } : {}),
    references: [{ type: 'ADVISORY', url: `https://example.invalid/advisories/${id}` }],
  };
}

/** A zip of records, one `<id>.json` each, as OSV's all.zip has them. */
function osvZip(records) {
  return makeZip(Object.fromEntries(records.map((r) => [`${r.id}.json`, JSON.stringify(r)])));
}

function tempDir(prefix = 'ward-deps-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes `files` ({ relative path: text }) under `dir`. */
function writeTree(dir, files) {
  for (const [rel, text] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return dir;
}

// CVSS v3.1 vectors with known base scores (FIRST's calculator): 9.8, 7.5, 5.3, 3.7.
const CVSS = {
  critical: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
  high: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H',
  medium: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N',
  low: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
};

module.exports = { makeZip, osvRecord, osvZip, tempDir, writeTree, CVSS };
