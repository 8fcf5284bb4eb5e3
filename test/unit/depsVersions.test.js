// Version order per ecosystem, CVSS base scores and OSV range evaluation: each checked
// against the examples of its specification (Maven's ComparableVersion documentation,
// PEP 440, SemVer 2.0 / Go pseudo-versions, FIRST's CVSS v3.1 and v2 examples, OSV's
// schema), so a comparator that drifts from the spec fails here.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { deps } = require(path.join(process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist'), 'engine.js'));

function assertAscending(compare, versions) {
  for (let i = 0; i + 1 < versions.length; i++) {
    assert.ok(compare(versions[i], versions[i + 1]) < 0, `${versions[i]} < ${versions[i + 1]}`);
    assert.ok(compare(versions[i + 1], versions[i]) > 0, `${versions[i + 1]} > ${versions[i]}`);
  }
}

test('Maven: qualifiers order alpha < beta < milestone < rc < snapshot < release < sp < others', () => {
  assertAscending(deps.compareMaven, [
    '1-alpha2snapshot', '1-alpha2', '1-alpha-123', '1-beta-2', '1-beta123', '1-m2', '1-m11', '1-rc', '1-cr2',
    '1-rc123', '1-SNAPSHOT', '1', '1-sp', '1-sp2', '1-sp123', '1-abc', '1-def', '1-pom-1', '1-1-snapshot', '1-1', '1-2', '1-123',
  ]);
});

test('Maven: numbers, separators and letters after numbers', () => {
  assertAscending(deps.compareMaven, [
    '2.0', '2-1', '2.0.a', '2.0.0.a', '2.0.2', '2.0.123', '2.1.0', '2.1-a', '2.1b', '2.1-c', '2.1-1', '2.1.0.1', '2.2', '2.123', '11.a2', '11.a11',
    '11.b2', '11.b11', '11.m2', '11.m11', '11', '11.a', '11b', '11c', '11m',
  ]);
  assertAscending(deps.compareMaven, ['2.9.8', '2.9.10', '2.9.10.1', '2.9.10.8', '2.10.0', '2.12.7.1']);
  // Maven's known quirk: an unknown qualifier sorts after the release (Jackson's 2.10.0.pr1 > 2.10.0).
  assert.ok(deps.compareMaven('2.10.0.pr1', '2.10.0') > 0);
  assert.ok(deps.compareMaven('1.0.0-RC1', '1.0.0') < 0);
  assert.ok(deps.compareMaven('5.3.18', '5.3.9') > 0, 'numbers compare as numbers');
  assert.ok(deps.compareMaven('1.' + '9'.repeat(30), '1.' + '9'.repeat(29)) > 0, 'numbers past 64 bits');
});

test('Maven: equal spellings', () => {
  const equal = [
    ['1', '1.0', '1.0.0', '1-0', '1.0-0', '1-ga', '1.ga', '1-final', '1-release', '1.0.0-GA', '1-FINAL'],
    ['1a1', '1-a1', '1-alpha-1', '1alpha1'],
    ['1b2', '1-b2', '1-beta-2', '1beta2'],
    ['1m3', '1-m3', '1-milestone-3', '1milestone3'],
    ['1rc', '1cr', '1-rc', '1-cr'],
    ['1.rc', '1.cr'],
    ['1x', '1-x'],
  ];
  for (const group of equal) for (const v of group) assert.equal(deps.compareMaven(group[0], v), 0, `${group[0]} = ${v}`);
  // A `.` keeps a qualifier in the same list, a `-` or a digit/letter switch opens a sub-list: not the same version.
  assert.notEqual(deps.compareMaven('1a1', '1.alpha.1'), 0);
  assert.notEqual(deps.compareMaven('1x', '1.x'), 0);
});

test('PyPI: PEP 440 order (epochs, pre, post, dev, local) through the scheme', () => {
  const s = deps.schemeFor('PyPI');
  assertAscending(s.compare, ['1.0.dev456', '1.0a1', '1.0a2.dev456', '1.0a12.dev456', '1.0a12', '1.0b1.dev456', '1.0b2', '1.0b2.post345.dev456', '1.0b2.post345', '1.0rc1.dev456', '1.0rc1', '1.0', '1.0+abc.5', '1.0+abc.7', '1.0+5', '1.0.post456.dev34', '1.0.post456', '1.1.dev1']);
  assertAscending(s.compare, ['2.0', '2013.10', '2014.04', '1!1.0']);
  assert.equal(s.compare('1.0', '1.0.0'), 0);
  assert.equal(s.compare('1.0-RC1', '1.0rc1'), 0, 'normalised spellings');
  assert.equal(s.major('3.2.14'), '3');
  assert.equal(s.valid('not a version'), false);
});

test('npm: semver, pre-releases before their release; Go: v prefixes, pseudo-versions, +incompatible', () => {
  const npm = deps.schemeFor('npm');
  assertAscending(npm.compare, ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '4.17.4', '4.17.11', '4.17.21']);
  const go = deps.schemeFor('Go');
  assertAscending(go.compare, ['v0.0.0-20190308221718-c2843e01d9a2', 'v0.0.0-20210226172049-e18ecbb05110', 'v0.1.0', '0.1.1', 'v1.2.3', 'v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.4', 'v2.0.0+incompatible', 'v2.1.0']);
  assert.equal(go.compare('v2.0.0+incompatible', '2.0.0'), 0);
  assert.equal(go.major('v0.17.0'), '0');
});

test('CVSS v3.1 and v3.0 base scores from vectors (FIRST examples)', () => {
  const cases = [
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H', 7.5],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N', 5.3],
    ['CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N', 3.7],
    ['CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
    ['CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10.0],
    ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8],
    ['CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N', 0],
  ];
  for (const [v, score] of cases) assert.equal(deps.cvss3BaseScore(v), score, v);
  assert.equal(deps.cvss3BaseScore('CVSS:3.1/AV:N/AC:L'), undefined, 'incomplete vector');
  assert.equal(deps.cvss3BaseScore('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N'), undefined, 'v4 is not scored here');
  assert.equal(deps.cvss2BaseScore('AV:N/AC:L/Au:N/C:P/I:P/A:P'), 7.5);
  assert.equal(deps.cvss2BaseScore('AV:N/AC:M/Au:N/C:N/I:P/A:N'), 4.3);
  assert.deepEqual([9.8, 7.0, 6.9, 4.0, 3.9, 0].map(deps.severityForScore), ['error', 'error', 'warning', 'warning', 'info', 'info']);
  assert.deepEqual(['CRITICAL', 'HIGH', 'MODERATE', 'LOW', undefined].map(deps.severityForLabel), ['error', 'error', 'warning', 'info', 'warning']);
});

function advisory(ranges, versions = []) {
  return { id: 'GHSA-test-test-test', aliases: [], summary: '', modified: '', ranges, versions, url: '' };
}

test('OSV ranges: introduced/fixed, several ranges, last_affected, listed versions, unordered events', () => {
  const npm = deps.schemeFor('npm');
  const two = advisory([{ type: 'SEMVER', events: [{ introduced: '6.0.0' }, { fixed: '6.2.4' }, { introduced: '6.5.0' }, { fixed: '6.5.3' }] }]);
  assert.deepEqual(['5.9.9', '6.0.0', '6.2.3', '6.2.4', '6.4.0', '6.5.0', '6.5.2', '6.5.3', '7.0.0'].map((v) => deps.isAffected(two, v, npm)), [false, true, true, false, false, true, true, false, false]);
  const last = advisory([{ type: 'SEMVER', events: [{ last_affected: '2.0.0' }, { introduced: '0' }] }]);
  assert.deepEqual(['0.0.1', '2.0.0', '2.0.1'].map((v) => deps.isAffected(last, v, npm)), [true, true, false]);
  const listed = advisory([], ['1.2.3']);
  assert.equal(deps.isAffected(listed, '1.2.3', npm), true);
  assert.equal(deps.isAffected(listed, '1.2.4', npm), false);
  const pypi = deps.schemeFor('PyPI');
  const django = advisory([{ type: 'ECOSYSTEM', events: [{ introduced: '3.2' }, { fixed: '3.2.14' }, { introduced: '4.0' }, { fixed: '4.0.6' }] }]);
  assert.deepEqual(['3.1', '3.2.4', '3.2.14', '4.0rc1', '4.0', '4.0.6'].map((v) => deps.isAffected(django, v, pypi)), [false, true, false, false, true, false]);
  const maven = deps.schemeFor('Maven');
  const jackson = advisory([{ type: 'ECOSYSTEM', events: [{ introduced: '2.9.0' }, { fixed: '2.9.10.8' }] }]);
  assert.deepEqual(['2.8.11', '2.9.8', '2.9.10.7', '2.9.10.8', '2.10.0'].map((v) => deps.isAffected(jackson, v, maven)), [false, true, true, false, false]);
});

test('the upgrade target: lowest fixed version in the same major that no advisory affects', () => {
  const npm = deps.schemeFor('npm');
  const a = advisory([{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.12' }] }]);
  const b = advisory([{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '4.17.21' }] }]);
  assert.equal(deps.nearestFix([a, b], '4.17.4', npm), '4.17.21', '4.17.12 is still affected by the second');
  assert.equal(deps.nearestFix([a], '4.17.4', npm), '4.17.12');
  const major = advisory([{ type: 'SEMVER', events: [{ introduced: '0' }, { fixed: '5.0.0' }] }]);
  assert.equal(deps.nearestFix([major], '4.1.0', npm), undefined, 'only a new major fixes it');
  assert.deepEqual(deps.fixedVersions([a, b, major], npm), ['4.17.12', '4.17.21', '5.0.0']);
});
