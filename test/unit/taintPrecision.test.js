// Taint precision cases that rule fixtures cannot express: a file's path (Django views
// modules), and joins of branches. Uses the shipped rules and models; each case is annotated
// like a fixture (`# ruleid:` / `# ok:`), and the findings must match the annotations.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const dist = process.env.WARD_DIST || path.join(__dirname, '..', '..', 'dist');
const W = require(path.join(dist, 'engine.js'));

const { engine } = W.loadEngine([path.join(__dirname, '..', '..', 'rules')]);
const lang = (id) => W.LANGUAGES.find((l) => l.id === id);

async function check(text, languageId, relativePath, ruleIds) {
  const result = await engine.scanText(text, lang(languageId), { relativePath, budgetMs: 20000 });
  const found = result.findings.filter((f) => ruleIds.includes(f.ruleId)).map((f) => `${f.ruleId}:${f.range.start.line + 1}`).sort();
  const expected = W.parseExpectations(text).filter((e) => e.kind === 'ruleid' && ruleIds.includes(e.ruleId)).map((e) => `${e.ruleId}:${e.line + 1}`).sort();
  assert.deepEqual(found, expected);
}

test('Django views module: extra parameters are URL captures, except in helpers the module calls itself', async () => {
  const views = `
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.safestring import mark_safe

from .models import Page


def page(request, url):
    # A page stored in the database, selected by the URL: not request data.
    f = get_object_or_404(Page, url=url)
    return render_page(request, f)


def render_page(request, f):
    # ok: py-xss
    return HttpResponse(mark_safe(f.content))


def hello(request, name):
    # ruleid: py-xss
    return HttpResponse("<h1>Hello %s</h1>" % name)


def card(request, title):
    return HttpResponse("<div class='card'>" + title + "</div>")


def user_card(request, username):
    # ruleid: py-xss
    return card(request, username)


def static_card(request):
    # ok: py-xss
    return card(request, "Welcome")


class ArticleView:
    def get(self, request, slug):
        # ruleid: py-xss
        return HttpResponse(slug)

    def head(self, request, slug):
        return self.render(request, "ok")

    def render(self, request, body):
        # ok: py-xss
        return HttpResponse(body)


class OtherView:
    # Not called from its own class: a handler method.
    def render(self, request, body):
        # ruleid: py-xss
        return HttpResponse(body)
`;
  await check(views, 'python', 'blog/views.py', ['py-xss']);
  // Outside a views module only \`request\` is input.
  const result = await engine.scanText(views, lang('python'), { relativePath: 'blog/helpers.py', budgetMs: 20000 });
  assert.deepEqual(result.findings.filter((f) => f.ruleId === 'py-xss').map((f) => f.range.start.line + 1), []);
});

test('branches join: a value sanitised or typed on one branch only stays live', async () => {
  const js = `
const express = require('express');
const escapeHtml = require('escape-html');
const app = express();
app.get('/a', (req, res) => {
  let name = req.query.name;
  if (req.query.safe) name = escapeHtml(name);
  // ruleid: js-xss
  res.send(name);
});
app.get('/b', (req, res) => {
  let name = req.query.name;
  if (req.query.safe) name = escapeHtml(name);
  else name = escapeHtml(name.trim());
  // ok: js-xss
  res.send(name);
});
app.get('/c', (req, res) => {
  if (req.query.plain) res.type('text/plain');
  else res.type('json');
  // ok: js-xss
  res.send(req.query.name);
});
app.get('/d', (req, res) => {
  // The loop may not run at all.
  for (const f of req.query.files) res.type('text/plain');
  // ruleid: js-xss
  res.send(req.query.name);
});
app.get('/e', (req, res) => {
  const next = req.query.next;
  if (!next) {
    // ok: js-open-redirect
    return res.redirect(next || '/');
  }
  // ruleid: js-open-redirect
  res.redirect(next);
});
`;
  await check(js, 'javascript', 'server.js', ['js-xss', 'js-open-redirect']);
});

test('constant conditions: only the branch that runs, when the code fixes the condition', async () => {
  const code = `
import os
from flask import request

def fixed():
    param = request.args.get("p", "")
    num = 86
    if 100 < (7 * 42) - num < 300:
        bar = "safe"
    else:
        bar = param
    # ok: py-command-injection
    os.system("echo " + bar)

def assigned_twice():
    param = request.args.get("p", "")
    num = 86
    num = num + int(request.args.get("n", "0"))
    bar = "safe" if num * 2 > 100 else param
    # ruleid: py-command-injection
    os.system("echo " + bar)

def divided_by_zero():
    param = request.args.get("p", "")
    bar = "safe" if 1 / 0 > 1 else param
    # ruleid: py-command-injection
    os.system("echo " + bar)

def from_a_parameter(limit=5):
    param = request.args.get("p", "")
    bar = "safe" if limit > 3 else param
    # ruleid: py-command-injection
    os.system("echo " + bar)

def in_a_loop():
    param = request.args.get("p", "")
    bar = "safe"
    for i in range(3):
        if i * 2 > 100:
            bar = param
    # ruleid: py-command-injection
    os.system("echo " + bar)

def not_in():
    param = request.args.get("p", "")
    bar = param if "a" not in "abc" else "safe"
    # ruleid: py-command-injection
    os.system("echo " + bar)
`;
  await check(code, 'python', 'app/routes.py', ['py-command-injection']);
  const js = `
const { exec } = require('child_process');
const app = require('express')();
app.get('/a', (req, res) => {
  const n = 3;
  const cmd = n * 3 === 9 && n > 1 ? 'ls' : req.query.cmd;
  // ok: js-command-injection
  exec(cmd);
  let m = 3;
  m = Number(req.query.m);
  const other = m * 3 === 9 ? 'ls' : req.query.cmd;
  // ruleid: js-command-injection
  exec(other);
  res.send('ok');
});
`;
  await check(js, 'javascript', 'app.js', ['js-command-injection']);
});
