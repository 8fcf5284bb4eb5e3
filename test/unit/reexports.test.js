// A module that passes on another one (`Api.helpers = require('./helpers')`, `export * from
// './users'`, `export { find as lookup } from './db'`) is followed to the file that defines
// the function, so a call read through it (`activitypub.helpers.query(h)`) gets that
// function's summary: a helper Ward sees into is judged by its body, not by its method name,
// and a helper that builds SQL is found through the barrel file.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));
const { tempTree } = require('../tempTree');

const { engine } = W.loadEngine([path.join(__dirname, '..', '..', 'rules')]);

let projects = 0;
async function scan(files, { throughData = false } = {}) {
  const { dir, write } = tempTree('ward-reexports-');
  const root = path.join(dir, `p${projects++}`);
  const paths = Object.entries(files).map(([name, text]) => write(path.join(path.basename(root), name), text));
  let { index } = await W.buildSummaryIndex(engine, paths, paths);
  if (throughData) {
    // As a sharded scan's summaries file carries them: to JSON data and back.
    const rel = (p) => path.relative(root, p);
    const abs = (p) => path.resolve(root, p);
    index = new Map([...index].map(([file, summaries]) => [file, W.summariesFromData(JSON.parse(JSON.stringify(W.summariesToData(summaries, rel))), abs)]));
    for (const [file, summaries] of index) assert.ok(summaries, `${file}: the data reads back`);
  }
  const out = [];
  for (const file of paths) {
    const r = await engine.scanFile(file, { relativePath: path.relative(root, file), budgetMs: 20000, summaryIndex: index });
    for (const f of r.findings) out.push(`${path.relative(root, file)}:${f.range.start.line + 1} ${f.ruleId}`);
  }
  return out.sort();
}

const commonjsProject = {
  'activitypub/index.js': [
    "const ActivityPub = module.exports;",
    "ActivityPub.helpers = require('./helpers');",
    "ActivityPub.store = require('./store');",
    "ActivityPub.find = require('./store').find;",
    '',
  ].join('\n'),
  'activitypub/helpers.js': [
    'const Helpers = module.exports;',
    'Helpers.query = async (id) => {',
    "  const res = await fetch('https://example.com/.well-known/webfinger?resource=' + encodeURIComponent(id));",
    '  return res.json();',
    '};',
    '',
  ].join('\n'),
  'activitypub/store.js': [
    "const mysql = require('mysql');",
    'const conn = mysql.createConnection({});',
    'exports.find = function (name) {',
    "  return conn.query(\"SELECT * FROM actors WHERE name = '\" + name + \"'\");",
    '};',
    '',
  ].join('\n'),
  'controllers/actors.js': [
    "const express = require('express');",
    "const activitypub = require('../activitypub');",
    'const app = express();',
    "app.get('/a', async (req, res) => {",
    '  const w = await activitypub.helpers.query(req.query.handle);',
    '  const a = await activitypub.store.find(req.query.name);',
    '  const b = await activitypub.find(req.query.other);',
    '  res.json({ w, a, b });',
    '});',
    '',
  ].join('\n'),
};

test('CommonJS: a module assigned to a member of the exports is followed to its file', async () => {
  // helpers.query fetches a URL (no database); store.find builds SQL, reached two ways.
  assert.deepEqual(await scan(commonjsProject), ['controllers/actors.js:6 js-sql-injection', 'controllers/actors.js:7 js-sql-injection']);
});

test('the passed-on names survive the summaries file of a sharded scan', async () => {
  assert.deepEqual(await scan(commonjsProject, { throughData: true }), ['controllers/actors.js:6 js-sql-injection', 'controllers/actors.js:7 js-sql-injection']);
});

test('ES modules: export * and export { a as b } from a barrel file are followed', async () => {
  const found = await scan({
    'services/index.ts': [
      "export * from './users';",
      "export { findOrder as lookupOrder } from './orders';",
      "export * as search from './search';",
      '',
    ].join('\n'),
    'services/users.ts': [
      "import { db } from '../db';",
      'export async function findUser(name: string) {',
      '  return db.query(`SELECT * FROM users WHERE name = \'${name}\'`);',
      '}',
      '',
    ].join('\n'),
    'services/orders.ts': [
      "import { db } from '../db';",
      'export async function findOrder(id: string) {',
      "  return db.query('SELECT * FROM orders WHERE id = ' + id);",
      '}',
      '',
    ].join('\n'),
    'services/search.ts': [
      'export async function query(term: string) {',
      "  const res = await fetch('https://search.example.com/?q=' + encodeURIComponent(term));",
      '  return res.json();',
      '}',
      '',
    ].join('\n'),
    'db.ts': [
      "import { Pool } from 'pg';",
      'export const db = new Pool();',
      '',
    ].join('\n'),
    'routes.ts': [
      "import express from 'express';",
      "import * as services from './services';",
      'const app = express();',
      "app.get('/u', async (req, res) => {",
      '  const u = await services.findUser(req.query.name as string);',
      '  const o = await services.lookupOrder(req.query.id as string);',
      '  const s = await services.search.query(req.query.q as string);',
      '  res.json({ u, o, s });',
      '});',
      '',
    ].join('\n'),
  });
  assert.deepEqual(found, ['routes.ts:5 js-sql-injection', 'routes.ts:6 js-sql-injection']);
});

test('inside a helper module, a project function named like a library method is not its sink; a library object the project exports still is', async () => {
  const found = await scan({
    'activitypub/index.js': [
      'const ActivityPub = module.exports;',
      "ActivityPub.helpers = require('./helpers');",
      "ActivityPub.actors = require('./actors');",
      '',
    ].join('\n'),
    'activitypub/helpers.js': [
      'const Helpers = module.exports;',
      'Helpers.query = async (id) => {',
      "  const res = await fetch('https://example.com/.well-known/webfinger?resource=' + encodeURIComponent(id));",
      '  return res.json();',
      '};',
      '',
    ].join('\n'),
    'activitypub/actors.js': [
      // CommonJS's module.parent.exports: the folder's index, which required this file.
      'const activitypub = module.parent.exports;',
      "const posts = require('../posts');",
      "const db = require('../db');",
      'const Actors = module.exports;',
      'Actors.assert = async (id) => {',
      '  const { actorUri } = await activitypub.helpers.query(id);',
      '  return posts.exists(actorUri);',
      '};',
      'Actors.byName = async (name) => db.pool.query("SELECT * FROM actors WHERE name = \'" + name + "\'");',
      '',
    ].join('\n'),
    'posts.js': [
      'const Posts = module.exports;',
      'Posts.exists = async function (pid) {',
      '  return Array.isArray(pid) ? pid.map((p) => `post:${p}`) : `post:${pid}`;',
      '};',
      '',
    ].join('\n'),
    'db.js': [
      "const { Pool } = require('pg');",
      'module.exports.pool = new Pool();',
      '',
    ].join('\n'),
    'routes.js': [
      "const express = require('express');",
      "const activitypub = require('./activitypub');",
      'const app = express();',
      "app.get('/actor', async (req, res) => {",
      '  const a = await activitypub.actors.assert(req.query.id);',
      '  const b = await activitypub.actors.byName(req.query.name);',
      '  res.json({ a, b });',
      '});',
      '',
    ].join('\n'),
  });
  assert.deepEqual(found, ['routes.js:6 js-sql-injection']);
});
