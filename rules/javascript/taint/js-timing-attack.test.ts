import express, { Request, Response } from 'express';

const router = express.Router();

router.post('/internal/jobs', (req: Request, res: Response) => {
  const token = req.header('Authorization')?.replace(/^Bearer /, '');
  // ruleid: js-timing-attack
  if (token !== process.env.JOBS_TOKEN) {
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
