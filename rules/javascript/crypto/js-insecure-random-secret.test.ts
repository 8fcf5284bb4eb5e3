import { randomBytes } from 'node:crypto';

export class TokenService {
  // ruleid: js-insecure-random-secret
  private readonly csrfSecret: string = Math.random().toString(36).slice(2);

  createResetToken(): string {
    // ruleid: js-insecure-random-secret
    return (Math.random() as number).toString(16).slice(2);
  }

  // ok: js-insecure-random-secret
  private retryDelayMs: number = Math.random() * 500;

  createSessionId(): string {
    // ok: js-insecure-random-secret
    return randomBytes(32).toString('hex');
  }
}

// ruleid: js-insecure-random-secret
export const generateApiKey = (): string => Math.random().toString(36).substring(2);
// ok: js-insecure-random-secret
export const pickColor = (): string => colors[Math.floor(Math.random() * colors.length)]!;
