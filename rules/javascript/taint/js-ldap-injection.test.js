const express = require('express');
const ldap = require('ldapjs');
const { filter: ldapFilter } = require('ldap-escape');
const Router = require('@koa/router');

const app = express();
const client = ldap.createClient({ url: 'ldap://ldap.example.com' });

function findUser(req, res) {
  const uid = req.query.uid;
  // ruleid: js-ldap-injection
  client.search('ou=people,dc=example,dc=com', { filter: `(uid=${uid})`, scope: 'sub' }, (err, result) => {
    result.on('searchEntry', (entry) => res.json(entry.object));
  });
  // ok: js-ldap-injection
  client.search('ou=people,dc=example,dc=com', { filter: ldapFilter`(uid=${uid})`, scope: 'sub' }, () => {});
  // ok: js-ldap-injection
  client.search('ou=people,dc=example,dc=com', { filter: '(objectClass=person)' }, () => {});
}
app.get('/user', findUser);

async function findGroup(req, res) {
  const { group } = req.body;
  const opts = { filter: '(&(objectClass=group)(cn=' + group + '))' };
  // ruleid: js-ldap-injection
  client.search('dc=example,dc=com', opts, () => res.end());
  // ruleid: js-ldap-injection
  client.search(`cn=${req.body.cn},dc=example,dc=com`, {}, () => res.end());
}
app.post('/group', findGroup);

// Digits only.
function employee(req, res) {
  const id = req.query.id;
  if (!/^\d+$/.test(id)) return res.sendStatus(400);
  // ok: js-ldap-injection
  client.search('dc=example,dc=com', { filter: `(employeeNumber=${id})` }, () => res.end());
}
app.get('/emp', employee);

// Helper in the same file.
function findMember(name, cb) {
  client.search('dc=example,dc=com', { filter: `(member=${name})` }, cb);
}
app.get('/member', (req, res) => {
  // ruleid: js-ldap-injection
  findMember(req.query.name, () => res.end());
  // ok: js-ldap-injection
  findMember('admins', () => res.end());
});

// Inline handlers (the client is created at module level).
app.get('/inline', (req, res) => {
  // ruleid: js-ldap-injection
  client.search('dc=example,dc=com', { filter: `(uid=${req.query.uid})` }, () => res.end());
});

// Not request data; and `search` on something that is not an LDAP client.
const BASE = process.env.LDAP_BASE;
// ok: js-ldap-injection
client.search(BASE, { filter: '(objectClass=*)' }, () => {});
app.get('/docs', (req, res) => {
  const index = require('./search-index');
  // ok: js-ldap-injection
  res.json(index.search(req.query.q));
});

// Koa
const router = new Router();
router.get('/k/user', async (ctx) => {
  // ruleid: js-ldap-injection
  client.search('dc=example,dc=com', { filter: `(mail=${ctx.query.mail})` }, () => {});
});

// Next.js API route
export default function handler(req, res) {
  // ruleid: js-ldap-injection
  client.search('dc=example,dc=com', { filter: '(cn=' + req.query.cn + ')' }, () => res.end());
}

module.exports = { app };
