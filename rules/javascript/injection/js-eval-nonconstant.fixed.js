function load(text, name, expr) {
  // ruleid: js-eval-nonconstant
  const config = JSON.parse(text);
  // ruleid: js-eval-nonconstant
  window.eval(`handlers.${name}()`);
  // ruleid: js-eval-nonconstant
  globalThis.eval(expr);
  // ruleid: js-eval-nonconstant
  return eval(req.query.formula);
}

const SNIPPET = 'typeof window';
// ok: js-eval-nonconstant
eval('1 + 1');
// ok: js-eval-nonconstant
eval(SNIPPET);
// ok: js-eval-nonconstant
redis.eval(luaScript, 1, key);
// ok: js-eval-nonconstant
await page.evaluate(expr);
// ok: js-eval-nonconstant
const value = JSON.parse(text);
// ok: js-eval-nonconstant
math.evaluate(formula);
