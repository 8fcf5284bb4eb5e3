const vm = require('vm');
const { runInNewContext, Script: VmScript } = require('node:vm');
import * as nodeVm from 'node:vm';
import { compileFunction as compile } from 'vm';

function run(expr, code, sandbox) {
  // ruleid: js-vm-run-nonconstant
  vm.runInNewContext(expr, sandbox);
  // ruleid: js-vm-run-nonconstant
  runInNewContext('result = ' + expr, sandbox);
  // ruleid: js-vm-run-nonconstant
  const script = new VmScript(code, { filename: 'user.js' });
  // ruleid: js-vm-run-nonconstant
  nodeVm.runInThisContext(`(${code})`);
  // ruleid: js-vm-run-nonconstant
  const fn = compile(code, ['a', 'b']);
  // ruleid: js-vm-run-nonconstant
  const s = new vm.Script(code);
  // ok: js-vm-run-nonconstant
  s.runInNewContext(sandbox);
  // ok: js-vm-run-nonconstant
  script.runInContext(vm.createContext(sandbox));
}

const PRELUDE = 'globalThis.ready = true';
// ok: js-vm-run-nonconstant
vm.runInNewContext('1 + 2', {});
// ok: js-vm-run-nonconstant
new vm.Script(PRELUDE);
// ok: js-vm-run-nonconstant
vm.createContext(sandbox);
// ok: js-vm-run-nonconstant
sandbox.runInNewContext(expr);
