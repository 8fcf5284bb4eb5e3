const knex = require('knex')({ client: 'pg' });

async function search(req, db) {
  // ruleid: js-knex-raw-string-building
  await knex.raw(`select * from users where name = '${req.query.name}'`);
  // ruleid: js-knex-raw-string-building
  await knex('users').whereRaw('lower(email) = ' + "'" + req.body.email + "'");
  // ruleid: js-knex-raw-string-building
  await db.knex.raw('delete from sessions where token = ' + req.cookies.token);
  // ruleid: js-knex-raw-string-building
  await knex('posts').orderByRaw(`${req.query.sort} desc`);
  // ok: js-knex-raw-string-building
  await knex('users').whereRaw('lower(email) = ?', [req.body.email]);
  // ok: js-knex-raw-string-building
  await knex.raw('select * from ?? where id = ?', [table, req.params.id]);
  // ok: js-knex-raw-string-building
  await knex.raw(QUERY, bindings);
  // ok: js-knex-raw-string-building
  const label = String.raw`C:\temp\${name}`;
}
