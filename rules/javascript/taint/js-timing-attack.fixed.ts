import express, { Request, Response } from 'express';
import crypto from 'crypto';

const router = express.Router();

router.post('/internal/jobs', (req: Request, res: Response) => {
  const token = req.header('Authorization')?.replace(/^Bearer /, '');
  // ruleid: js-timing-attack
  if (!constantTimeEqual(token, process.env.JOBS_TOKEN)) {
    res.sendStatus(401);
    return;
  }
  // ok: js-timing-attack
  if (token === '') {
    res.sendStatus(400);
    return;
  }
  res.sendStatus(202);
});

export default router;

// Compares two secrets in constant time: `===` stops at the first character that differs,
// which tells a client timing the answer how much of its guess was right.
function constantTimeEqual(a: unknown, b: unknown): boolean {
  const x = Buffer.isBuffer(a) ? a : Buffer.from(String(a));
  const y = Buffer.isBuffer(b) ? b : Buffer.from(String(b));
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
