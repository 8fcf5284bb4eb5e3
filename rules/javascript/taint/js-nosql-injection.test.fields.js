const express = require('express');
const crypto = require('crypto');
const { MongoClient } = require('mongodb');

const app = express();
app.use(express.json());
const comments = new MongoClient('mongodb://localhost').db('app').collection('comments');

// Looks a saved document up again by the id the server gave it.
async function save(doc) {
  await comments.insertOne(doc);
  return comments.findOne({ id: doc.id });
}

app.post('/comments', async (req, res) => {
  const comment = { id: crypto.randomUUID(), content: req.body.content, createdAt: new Date() };
  // ok: js-nosql-injection
  const saved = await save(comment);
  const edited = { id: req.body.id, content: req.body.content };
  // ruleid: js-nosql-injection
  const again = await save(edited);
  res.json({ saved, again });
});
