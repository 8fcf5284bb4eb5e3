const express = require('express');
const { exec } = require('child_process');

const app = express();

class Backup {
  constructor() {
    this.tool = 'tar';
  }

  run(req, res) {
    this.target = req.query.target;
    // ok: js-command-injection
    exec(this.tool + ' --version', () => {});
    // ruleid: js-command-injection
    exec(this.tool + ' -czf out.tgz ' + this.target, () => res.end());
  }
}

const backup = new Backup();
app.get('/backup', (req, res) => backup.run(req, res));
