import express from 'express';
import { sendMail } from './mail.js';
import crypto from 'crypto';

const router = express.Router();

router.post('/forgot', async (req, res) => {
  // ruleid: js-insecure-random-secret
  const token = crypto.randomBytes(16).toString('hex') + Date.now().toString(36);
  await sendMail(req.body.email, `Your reset link: https://app.example/reset/${token}`);
  res.json({ ok: true });
});

// ok: js-insecure-random-secret
const jitterMs = () => Math.floor(Math.random() * 250);

export default router;
