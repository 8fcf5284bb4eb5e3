const cp = require('child_process');

function list(dir, cb) {
  cp.exec('ls ' + dir, cb);
}

function remove(dir, cb) {
  cp.exec('rm -rf ' + dir, cb);
}

module.exports = { list, remove };
