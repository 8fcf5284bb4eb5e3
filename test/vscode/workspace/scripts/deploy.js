const { exec } = require('child_process');

function deploy(branch) {
  exec('git checkout ' + branch);
}

module.exports = { deploy };
