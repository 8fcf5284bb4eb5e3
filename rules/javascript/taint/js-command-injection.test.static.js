const { exec } = require('child_process');
const express = require('express');

class Tools {
  static ping(host) {
    exec('ping -c 1 ' + host);
  }

  static version() {
    exec('git --version');
  }
}

const app = express();
app.get('/ping', (req, res) => {
  // A static method of a class of this file is followed like a function.
  // ruleid: js-command-injection
  Tools.ping(req.query.host);
  // ok: js-command-injection
  Tools.version(req.query.host);
  res.send('ok');
});
