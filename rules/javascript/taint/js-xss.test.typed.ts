import { type Request, type Response } from 'express';

// A helper whose `res` parameter is typed as Express's Response: what it sends is the response.
function greet(name: string, res: Response) {
  res.send(`<h1>Hello ${name}</h1>`);
}

export function hello() {
  return ({ query }: Request, res: Response) => {
    // ruleid: js-xss
    greet(String(query.name), res);
    // ok: js-xss
    greet('guest', res);
  };
}
