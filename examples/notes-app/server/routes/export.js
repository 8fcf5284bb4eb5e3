const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFile, exec } = require('child_process');
const express = require('express');
const db = require('../db');

const router = express.Router();

function csvCell(value) {
  const s = value == null ? '' : String(value);
  return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

router.get('/notes.csv', async (req, res, next) => {
  try {
    const notes = await db.many('SELECT id, title, body, updated_at FROM notes WHERE owner_id = $1 ORDER BY id', [req.user.id]);
    res.type('text/csv').attachment('notes.csv');
    res.write('id,title,body,updated_at\n');
    for (const n of notes) res.write([n.id, n.title, n.body, n.updated_at.toISOString()].map(csvCell).join(',') + '\n');
    res.end();
  } catch (err) {
    next(err);
  }
});

// PDF export renders the shared page with wkhtmltopdf.
router.get('/:id.pdf', async (req, res, next) => {
  try {
    const note = await db.one('SELECT share_token FROM notes WHERE id = $1 AND owner_id = $2', [req.params.id, req.user.id]);
    if (!note || !note.share_token) return res.sendStatus(404);
    const out = path.join(os.tmpdir(), `note-${note.share_token}.pdf`);
    const pageSize = req.query.pageSize || 'A4';
    exec('wkhtmltopdf --page-size ' + pageSize + ' ' + process.env.APP_URL + '/share/' + note.share_token + ' ' + out, (err) => {
      if (err) return next(err);
      res.download(out, `note-${req.params.id}.pdf`, () => fs.unlink(out, () => {}));
    });
  } catch (err) {
    next(err);
  }
});

router.get('/archive.zip', async (req, res, next) => {
  try {
    const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'notes-'));
    const notes = await db.many('SELECT id, title, body FROM notes WHERE owner_id = $1', [req.user.id]);
    for (const n of notes) await fs.promises.writeFile(path.join(dir, `${n.id}.md`), `# ${n.title}\n\n${n.body}\n`);
    execFile('zip', ['-qr', 'archive.zip', '.'], { cwd: dir }, (err) => {
      if (err) return next(err);
      res.download(path.join(dir, 'archive.zip'), 'notes.zip', () => fs.rm(dir, { recursive: true, force: true }, () => {}));
    });
  } catch (err) {
    next(err);
  }
});

module.exports = router;
