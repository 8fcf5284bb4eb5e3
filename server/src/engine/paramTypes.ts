/** The full name of a parameter's declared type, through the file's imports. */
import type { Param } from '../languages/taintSyntax';
import type { FileContext } from './fileContext';

/**
 * `r *http.Request` → `net/http.Request`, `HttpServletRequest req` → its imported class,
 * `{ query }: express.Request` → `express.Request`. Undefined for a type the file does not
 * import (its own types, built-ins) or one with more than a name (`[]string`, `map[…]…`).
 */
export function qualifiedParamType(ctx: FileContext, p: Param): string | undefined {
  if (!p.type) return undefined;
  const type = p.type.replace(/^type\s+/, '').replace(/<.*$/s, '').trim();
  if (!/^[\w$.]+$/.test(type)) return undefined;
  const [head, ...rest] = type.split('.');
  const qualified = ctx.bindings.imports.get(head!)?.qualified;
  return qualified ? [qualified, ...rest].join('.') : undefined;
}
