// A deliberately unsafe little app to try Ward on: `node dist/cli.js scan examples/demo-app`.
const cp = require('child_process');
const crypto = require('crypto');

function listFiles(dir, cb) {
  cp.exec('ls -l ' + dir, cb);
}

function render(el, html) {
  el.innerHTML = html;
}

function run(code) {
  return eval(code);
}

module.exports = { listFiles, render, run, crypto };
