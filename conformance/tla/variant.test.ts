import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { combine } from './combine.js';
import { checkEmbedded } from './embedded.js';
import { FIXTURES, fixtureModel } from './fixtures.js';
import { loadModel } from './model.js';
import { parseActionProperty } from './properties.js';
import { checkVariant } from './variant.js';
import { loadVariant } from './variants.js';
import { checkSpec } from './wasm.js';

// Each case starts a worker or a process; the default 30 s per file is too short on 2 cores.
t.setTimeout(600_000);

const LIMITS = { maxStates: 100_000, maxDepth: 1000 };
const counter = (): ReturnType<typeof loadModel> => loadModel(...fixtureModel('counter', 'MCCounter'));

t.test('action property shape: [][Step(<<v>>, <<v\'>>)]_vars', async (t) => {
  t.same(parseActionProperty('P', "[][S(<<a, b>>, <<a', b'>>)]_vars"), { kind: 'action', name: 'P', step: 'S', snapshot: '<<a, b>>', subscript: 'vars' });
  t.same(parseActionProperty('P', "[][S(<<a>>, <<a'>>)]_<<a, b>>")?.subscript, '<< a , b >>');
  t.equal(parseActionProperty('P', "[][S(<<a, b>>, <<b', a'>>)]_vars"), undefined, 'Y must be X primed');
  t.equal(parseActionProperty('P', "[][x' > x]_vars"), undefined);
  t.equal(parseActionProperty('P', '<>(x = 1)'), undefined);
});

t.test('defect 3: an action property is checked as a history invariant', async (t) => {
  const v = checkVariant(counter());
  t.match(v.spec.text, /^VARIABLES count, hist, __ok_HistGrows$/m);
  t.match(v.cfg, /^INVARIANTS TypeOK Bounded __Prop_HistGrows$/m);
  t.same(v.invariants[2], { name: 'HistGrows', kind: 'action property' });
  t.notMatch(v.cfg, /PROPERTY/);
  const broken = loadVariant(path.join(FIXTURES, 'counter', 'broken', 'CounterResetHist.tla'), path.join(FIXTURES, 'counter'));
  const model = loadModel(...fixtureModel('counter', 'MCCounter'), new Map([[broken.target, broken.source]]));
  const r = await checkEmbedded(model);
  t.equal(r.verdict, 'violation');
  t.same(r.violated, { name: 'HistGrows', kind: 'action property' });
  t.equal(r.counterexample?.at(-1)?.action.name, 'Reset', 'the last step is the one that shrinks the history');
});

t.test('the step flag does not change the state count of a passing run', async (t) => {
  const [mc, cfg] = fixtureModel('counter', 'MCCounter');
  const files = Object.fromEntries(['Counter.tla', 'MCCounter.tla'].map((f) => [f, fs.readFileSync(path.join(path.dirname(mc), f), 'utf8')]));
  const noProperty = fs.readFileSync(cfg, 'utf8').replace(/^PROPERTY .*$/m, '');
  const dir = t.testdir({ ...files, 'MCCounter.cfg': noProperty });
  const without = await checkEmbedded(loadModel(`${dir}/MCCounter.tla`, `${dir}/MCCounter.cfg`));
  const withFlag = await checkEmbedded(counter());
  t.equal(without.verdict, 'pass');
  t.equal(withFlag.verdict, 'pass');
  t.equal(withFlag.states, without.states);
});

t.test('defect 3 is real: tla-checker cannot evaluate [][A]_v', async (t) => {
  const [mc] = fixtureModel('counter', 'MCCounter');
  const text = combine(mc, { substitutions: new Map([['Procs', 'MCProcs']]) }).text; // defects 1, 2 worked around
  const r = checkSpec(text, 'CONSTANTS Limit = 4\nINIT Init\nNEXT Next\nCONSTRAINT HistBound\nPROPERTY HistGrows\n', LIMITS);
  t.equal(r.success, false);
  t.match(r.error_message ?? '', /box action/);
});

t.test('liveness properties are reported unchecked, never passed', async (t) => {
  const dir = t.testdir({
    'MCL.tla': '---- MODULE MCL ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x < 2 /\\ x\' = x + 1\nLive == <>(x = 2)\n====\n',
    'MCL.cfg': 'INIT Init\nNEXT Next\nPROPERTY Live\n',
  });
  const r = await checkEmbedded(loadModel(`${dir}/MCL.tla`, `${dir}/MCL.cfg`));
  t.equal(r.verdict, 'pass');
  t.same(r.unchecked.map((u) => u.name), ['Live']);
  t.match(r.unchecked[0]?.reason, /temporal/);
});

const BOUNDARY = {
  'MCB.tla': '---- MODULE MCB ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nNext == x\' = x + 1\nC == x < 2\nInv == x < 2\nAC == x\' /= 3\nInv4 == x /= 4\n====\n',
  'MCB.cfg': 'INIT Init\nNEXT Next\nCONSTRAINT C\nINVARIANT Inv\n',
  'MCA.cfg': 'INIT Init\nNEXT Next\nCONSTRAINT C2\nACTION_CONSTRAINT AC\nINVARIANT Inv4\n',
};

t.test('CONSTRAINT has TLC semantics: a state outside it is checked, not expanded', async (t) => {
  const dir = t.testdir(BOUNDARY);
  const r = await checkEmbedded(loadModel(`${dir}/MCB.tla`, `${dir}/MCB.cfg`));
  t.equal(r.verdict, 'violation', 'x = 2 violates the constraint and Inv: TLC reports it');
  t.equal(r.counterexample?.at(-1)?.state['x'], 2);
  t.equal(r.states, 3, 'x = 0, 1, 2: nothing beyond the first state outside the constraint');
});

t.test('tla-checker\'s own CONSTRAINT would hide that violation', async (t) => {
  const text = BOUNDARY['MCB.tla'];
  const r = checkSpec(text, BOUNDARY['MCB.cfg'], LIMITS);
  t.equal(r.success, true, 'native CONSTRAINT skips invariants in x = 2');
});

t.test('ACTION_CONSTRAINT is applied (tla-checker ignores it)', async (t) => {
  const spec = BOUNDARY['MCB.tla'].replace('Inv4 ==', 'C2 == x < 10\nInv4 ==');
  const dir = t.testdir({ 'MCB.tla': spec, 'MCA.cfg': BOUNDARY['MCA.cfg'] });
  const r = await checkEmbedded(loadModel(`${dir}/MCB.tla`, `${dir}/MCA.cfg`));
  t.equal(r.verdict, 'pass', 'x never steps to 3, so never reaches 4');
  const native = checkSpec(spec, BOUNDARY['MCA.cfg'], LIMITS);
  t.equal(native.success, false, 'natively the action constraint is ignored');
  t.match(native.warnings.join(), /not yet supported/);
});
