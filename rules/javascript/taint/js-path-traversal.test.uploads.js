const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();

// An upload's `path` is where the server stored it (multer, connect-multiparty); its name is the
// client's. A helper given the whole upload is judged by the member it uses.
function readUpload(uploaded) {
  return fs.readFileSync(uploaded.path);
}

function keepUpload(folder, uploaded, data) {
  fs.writeFileSync(path.join('/srv/uploads', folder, uploaded.name), data);
}

async function sanitizeSvg(filePath) {
  return fs.promises.readFile(filePath, 'utf8');
}

async function storeIcon(target, uploadedFile) {
  return sanitizeSvg(uploadedFile.path);
}

app.post('/upload', (req, res) => {
  // ok: js-path-traversal
  const data = readUpload(req.files[0]);
  // ruleid: js-path-traversal
  keepUpload('files', req.files[0], data);
  res.send('ok');
});

app.post('/icon', async (req, res) => {
  const uploadedFile = req.files[0];
  // ok: js-path-traversal
  await storeIcon('system', uploadedFile);
  // ruleid: js-path-traversal
  await storeIcon('system', { path: req.body.path });
  res.send('ok');
});
