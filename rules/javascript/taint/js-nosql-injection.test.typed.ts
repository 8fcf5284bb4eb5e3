import crypto from 'crypto';
import { type Request, type Response } from 'express';
import { Comment, Order, User } from './models';

// Handlers built by a factory and typed with Express's types, their request destructured.
export function editComment() {
  return ({ body }: Request, res: Response) => {
    // ruleid: js-nosql-injection
    Comment.update({ _id: body.id }, { $set: { text: body.text } }, { multi: true }).then(() => res.end());
  };
}

export function findOrder() {
  return ({ params }: Request, res: Response) => {
    // ruleid: js-nosql-injection
    Order.find({ $where: `this.code === '${params.code}'` }).then((o: unknown) => res.json(o));
  };
}

export function removeComments() {
  return (req: Request, res: Response) => {
    // ruleid: js-nosql-injection
    Comment.remove({ author: req.body.author }).then(() => res.end());
  };
}

export function notQueries() {
  return ({ body }: Request, res: Response) => {
    // ok: js-nosql-injection
    const digest = crypto.createHash('sha256').update(body.password).digest('hex');
    // ok: js-nosql-injection
    User.update({ name: body.name }, { where: { id: 1 } });
    // ok: js-nosql-injection
    User.count({ where: { name: body.name } });
    // ok: js-nosql-injection
    Comment.update({ _id: String(body.id) }, { $set: { text: 'hidden' } });
    res.json({ digest });
  };
}

// Not a request: a `Request` type from elsewhere gives no input.
export function local(job: { body: { id: string } }) {
  // ok: js-nosql-injection
  return Comment.remove({ _id: job.body.id });
}
