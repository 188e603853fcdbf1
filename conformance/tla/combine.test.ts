import fs from 'node:fs';
import t from 'tap';
import { combine } from './combine.js';
import { UserError } from './errors.js';
import { fixtureModel } from './fixtures.js';
import { parseModule } from './module.js';
import { checkSpec } from './wasm.js';

const LIMITS = { maxStates: 100_000, maxDepth: 1000 };
const [twoVars] = fixtureModel('twovars', 'TwoVars');
const [mcBase] = fixtureModel('extends', 'MCBase');

t.test('defect 1: two VARIABLE statements are merged into one', async (t) => {
  const c = combine(twoVars);
  t.same(c.variables, ['x', 'y']);
  t.equal(c.text.match(/^VARIABLES?\b/gm)?.length, 1, 'exactly one VARIABLES statement');
  const r = checkSpec(c.text, 'INIT Init\nNEXT Next\nINVARIANT YBound\n', LIMITS);
  t.equal(r.error_type, 'InvariantViolation', 'y reaches 2: the merged module checks correctly');
  t.match(r.trace?.[0] ?? '', /y = 2/);
});

t.test('defect 1 is real: unmerged, tla-checker loses the first variable', async (t) => {
  const r = checkSpec(fs.readFileSync(twoVars, 'utf8'), 'INIT Init\nNEXT Next\nINVARIANT YBound\n', LIMITS);
  t.equal(r.success, false);
  t.match(r.error_message ?? '', /undefined variable `x`/);
});

t.test('defect 2: the extended user module is inlined, standard modules merged', async (t) => {
  const c = combine(mcBase, { substitutions: new Map([['N', 'MCN']]) });
  t.equal(c.name, 'MCBase');
  t.match(c.text, /^EXTENDS TLC, Naturals, FiniteSets$/m, "merged, each once");
  t.notMatch(c.text, /EXTENDS[^\n]*Base/);
  t.same(c.constants, [], 'N is substituted, so not declared');
  t.match(c.text, /^N == MCN$/m);
  t.same(c.modules.map((m) => m.name), ['Base', 'MCBase']);
  const r = checkSpec(c.text, 'INIT Init\nNEXT Next\nINVARIANTS Small NotThree\n', LIMITS);
  t.equal(r.error_message, 'Invariant 1 violated');
});

t.test('defect 2 is real: tla-checker ignores EXTENDS of a user module', async (t) => {
  const r = checkSpec(fs.readFileSync(mcBase, 'utf8'), 'CONSTANT N = 3\nINIT Init\nNEXT Next\n', LIMITS);
  t.equal(r.success, false);
  t.match(r.error_message ?? '', /not found/);
});

t.test('line map: every body line maps to its file and line', async (t) => {
  const c = combine(mcBase);
  const lines = c.text.split('\n');
  const at = (re: RegExp): number => lines.findIndex((l) => re.test(l));
  t.same(c.origins[at(/^NotThree ==/)], { file: mcBase, line: 5 });
  t.same(c.origins[at(/^Step\(i\) ==/)], { file: mcBase.replace('MCBase', 'Base'), line: 6 });
  t.equal(c.origins[0], undefined, 'generated header has no origin');
});

t.test('a name defined in two modules is an error naming both', async (t) => {
  const [mc] = fixtureModel('clash', 'MCClash');
  const e = t.throws(() => combine(mc));
  t.type(e, UserError);
  t.match(e, { file: mc, line: 4, what: /definition Init clashes with definition Init at .*clash\/Base\.tla:4/ });
});

t.test('a missing module and INSTANCE of a user module are errors', async (t) => {
  const dir = t.testdir({
    'MCA.tla': '---- MODULE MCA ----\nEXTENDS Nowhere\n====\n',
    'MCI.tla': '---- MODULE MCI ----\nEXTENDS Naturals\nB == INSTANCE Other\n====\n',
  });
  t.match(t.throws(() => combine(`${dir}/MCA.tla`)), { line: 2, what: /module Nowhere not found/ });
  t.match(t.throws(() => combine(`${dir}/MCI.tla`)), { line: 3, what: /INSTANCE Other is not supported by the embedded checker/ });
});

t.test('overrides replace a module by a generated source', async (t) => {
  const base = fs.readFileSync(mcBase.replace('MCBase', 'Base'), 'utf8').replace('a + i', 'a + 10 * i');
  const c = combine(mcBase, { overrides: new Map([['Base', { file: 'gen/Base.tla', text: base }]]) });
  t.match(c.text, /a \+ 10 \* i/);
  t.equal(parseModule(c.text, 'x').name, 'MCBase');
});
