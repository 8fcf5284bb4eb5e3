const libxmljs = require('libxmljs');
import { parseXmlString } from 'libxmljs2';
import * as xml from 'libxmljs2';

app.post('/upload', (req, res) => {
  // ruleid: js-libxmljs-noent
  const doc = libxmljs.parseXml(req.body, { noent: false });
  // ruleid: js-libxmljs-noent
  const doc2 = parseXmlString(req.body.toString(), { noblanks: true, noent: false });
  // ruleid: js-libxmljs-noent
  const doc3 = xml.parseXml(payload, { noent: false, nonet: false });

  // ok: js-libxmljs-noent
  const safe = libxmljs.parseXml(req.body, { noent: false, nonet: true });
  // ok: js-libxmljs-noent
  const safe2 = libxmljs.parseXml(req.body);
  // ok: js-libxmljs-noent
  const other = otherXml.parseXml(req.body, { noent: true });
});
