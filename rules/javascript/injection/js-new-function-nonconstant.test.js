function compile(formula, field, params) {
  // ruleid: js-new-function-nonconstant
  const f = new Function('x', 'return ' + formula);
  // ruleid: js-new-function-nonconstant
  const get = Function('obj', `return obj.${field};`);
  // ruleid: js-new-function-nonconstant
  const g = new Function(...params, body);
  // ruleid: js-new-function-nonconstant
  return new globalThis.Function(source);
}

const BODY = 'return this';
// ok: js-new-function-nonconstant
const getGlobal = new Function(BODY);
// ok: js-new-function-nonconstant
const add = new Function('a', 'b', 'return a + b');
// ok: js-new-function-nonconstant
const fn = Function.prototype.bind.call(handler, null);
// ok: js-new-function-nonconstant
const isFn = value instanceof Function;
// ok: js-new-function-nonconstant
const wrapped = new MyFunction(body);
