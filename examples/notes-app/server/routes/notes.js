const express = require('express');
const db = require('../db');

const router = express.Router();

const SORTABLE = { updated: 'updated_at', created: 'created_at', title: 'title' };

router.get('/', async (req, res, next) => {
  try {
    const column = SORTABLE[req.query.sort] || 'updated_at';
    const direction = req.query.dir === 'asc' ? 'ASC' : 'DESC';
    const notes = await db.many(
      `SELECT id, title, left(body, 200) AS excerpt, updated_at FROM notes WHERE owner_id = $1 ORDER BY ${column} ${direction} LIMIT 100`,
      [req.user.id],
    );
    res.json(notes);
  } catch (err) {
    next(err);
  }
});

router.get('/search', async (req, res, next) => {
  try {
    const q = req.query.q || '';
    const tag = req.query.tag;
    let sql = "SELECT id, title, updated_at FROM notes WHERE owner_id = $1 AND (title ILIKE '%' || $2 || '%' OR body ILIKE '%' || $2 || '%')";
    if (tag) sql += " AND tags @> ARRAY['" + tag + "']";
    const { rows } = await db.pool.query(sql + ' ORDER BY updated_at DESC LIMIT 50', [req.user.id, q]);
    res.json(rows);
  } catch (err) {
    next(err);
  }
});

router.get('/:id', async (req, res, next) => {
  try {
    const note = await db.one('SELECT * FROM notes WHERE id = $1 AND owner_id = $2', [req.params.id, req.user.id]);
    if (!note) return res.sendStatus(404);
    res.json(note);
  } catch (err) {
    next(err);
  }
});

router.post('/', async (req, res, next) => {
  try {
    const { title, body, tags } = req.body;
    const note = await db.one(
      'INSERT INTO notes (owner_id, title, body, tags) VALUES ($1, $2, $3, $4) RETURNING id',
      [req.user.id, String(title || 'Untitled').slice(0, 200), String(body || ''), Array.isArray(tags) ? tags.map(String) : []],
    );
    res.status(201).json(note);
  } catch (err) {
    next(err);
  }
});

router.put('/:id', async (req, res, next) => {
  try {
    const { title, body } = req.body;
    const updated = await db.one(
      'UPDATE notes SET title = $1, body = $2, updated_at = now() WHERE id = $3 AND owner_id = $4 RETURNING id',
      [String(title), String(body), req.params.id, req.user.id],
    );
    if (!updated) return res.sendStatus(404);
    res.json(updated);
  } catch (err) {
    next(err);
  }
});

router.post('/bulk-delete', async (req, res, next) => {
  try {
    const ids = (req.body.ids || []).join(',');
    await db.pool.query(`DELETE FROM notes WHERE owner_id = ${req.user.id} AND id IN (${ids})`);
    res.json({ ok: true });
  } catch (err) {
    next(err);
  }
});

router.delete('/:id', async (req, res, next) => {
  try {
    await db.pool.query('DELETE FROM notes WHERE id = $1 AND owner_id = $2', [req.params.id, req.user.id]);
    res.sendStatus(204);
  } catch (err) {
    next(err);
  }
});

module.exports = router;
