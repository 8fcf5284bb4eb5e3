import { randomBytes } from 'node:crypto';

export class TokenService {
  // ruleid: js-insecure-random-secret
  private readonly csrfSecret: string = randomBytes(16).toString('hex');

  createResetToken(): string {
    // ruleid: js-insecure-random-secret
    return randomBytes(16).toString('hex');
  }

  // ok: js-insecure-random-secret
  private retryDelayMs: number = Math.random() * 500;

  createSessionId(): string {
    // ok: js-insecure-random-secret
    return randomBytes(32).toString('hex');
  }
}

// ruleid: js-insecure-random-secret
export const generateApiKey = (): string => randomBytes(16).toString('hex');
// ok: js-insecure-random-secret
export const pickColor = (): string => colors[Math.floor(Math.random() * colors.length)]!;
