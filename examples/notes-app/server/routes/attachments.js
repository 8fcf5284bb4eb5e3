const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const express = require('express');
const multer = require('multer');
const db = require('../db');

const router = express.Router();
const UPLOAD_DIR = path.join(__dirname, '..', '..', 'uploads');

fs.mkdirSync(UPLOAD_DIR, { recursive: true });

const upload = multer({
  storage: multer.diskStorage({
    destination: UPLOAD_DIR,
    filename: (req, file, cb) => cb(null, crypto.randomUUID() + path.extname(file.originalname).toLowerCase()),
  }),
  limits: { fileSize: 10 * 1024 * 1024 },
});

router.post('/:noteId', upload.single('file'), async (req, res, next) => {
  try {
    const note = await db.one('SELECT id FROM notes WHERE id = $1 AND owner_id = $2', [req.params.noteId, req.user.id]);
    if (!note) {
      fs.unlink(req.file.path, () => {});
      return res.sendStatus(404);
    }
    const row = await db.one(
      'INSERT INTO attachments (note_id, stored_name, original_name, mime_type, size) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [note.id, req.file.filename, req.file.originalname, req.file.mimetype, req.file.size],
    );
    res.status(201).json(row);
  } catch (err) {
    next(err);
  }
});

router.get('/:id/download', async (req, res, next) => {
  try {
    const a = await db.one(
      'SELECT a.stored_name, a.original_name FROM attachments a JOIN notes n ON n.id = a.note_id WHERE a.id = $1 AND n.owner_id = $2',
      [req.params.id, req.user.id],
    );
    if (!a) return res.sendStatus(404);
    res.download(path.join(UPLOAD_DIR, a.stored_name), a.original_name);
  } catch (err) {
    next(err);
  }
});

// Used by the editor to show an inline preview of an image or text file.
router.get('/preview', (req, res) => {
  const file = path.join(UPLOAD_DIR, req.query.name);
  fs.readFile(file, (err, data) => {
    if (err) return res.sendStatus(404);
    res.type(path.extname(file) || 'application/octet-stream').send(data);
  });
});

router.delete('/:id', async (req, res, next) => {
  try {
    const a = await db.one(
      'DELETE FROM attachments a USING notes n WHERE n.id = a.note_id AND a.id = $1 AND n.owner_id = $2 RETURNING a.stored_name',
      [req.params.id, req.user.id],
    );
    if (!a) return res.sendStatus(404);
    await fs.promises.unlink(path.join(UPLOAD_DIR, a.stored_name));
    res.sendStatus(204);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
