/** The same-site redirect helper in JavaScript (typed in TypeScript); declarations are hoisted, so it may go last. */
import type { RedirectHelper } from '../../../fixes/safeRedirect';
import { isTyped } from './placement';

export const redirectHelper: RedirectHelper = {
  name: 'safeRedirect',
  hoistsFunctions: true,
  text(ctx) {
    const typed = isTyped(ctx);
    return String.raw`

// Allows only paths on this site ("/account"), never "//evil.example" or "https://…".
// Browsers read "\" as "/" and drop tabs and newlines, so none of them may follow the "/".
function safeRedirect(target${typed ? ': unknown): string' : ')'} {
  return typeof target === 'string' && /^\/(?![/\\\t\n\r])/.test(target) ? target : '/';
}
`;
  },
};
