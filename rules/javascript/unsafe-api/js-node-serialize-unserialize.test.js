const serialize = require('node-serialize');
const { unserialize } = require('node-serialize');
import { deserialize as fromJs } from 'serialize-to-js';

app.get('/', (req, res) => {
  const cookie = Buffer.from(req.cookies.profile, 'base64').toString();
  // ruleid: js-node-serialize-unserialize
  const profile = serialize.unserialize(cookie);
  // ruleid: js-node-serialize-unserialize
  const prefs = unserialize(req.body.prefs);
  // ruleid: js-node-serialize-unserialize
  const state = fromJs(req.query.state);
  // ok: js-node-serialize-unserialize
  const safe = JSON.parse(cookie);
  // ok: js-node-serialize-unserialize
  const text = serialize.serialize(profile);
  // ok: js-node-serialize-unserialize
  const user = msgpack.unserialize(buffer);
  res.send(text);
});
