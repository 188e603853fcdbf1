import t from 'tap';
import { formatCfgValue, parseCfg } from './cfg.js';
import { UserError } from './errors.js';

t.test('parses every section TLC models use', async (t) => {
  const cfg = parseCfg(
    `\\* tier: fast
(* a block (* nested *) comment *)
CONSTANTS
  Server = {s1, s2, s3}
  MaxTerm = 3
  Nil = Nil
  Name = "raft"
  Flag = FALSE
  Value <- MCValue
INIT Init NEXT Next
INVARIANTS TypeOK LogMatching
INVARIANT ElectionSafety
PROPERTY LeaderAppendOnly
PROPERTIES Live
CONSTRAINT Bound
ACTION_CONSTRAINTS AC
SYMMETRY Sym
CHECK_DEADLOCK FALSE
`,
    'M.cfg',
  );
  t.same(cfg.constants, [
    { kind: 'value', name: 'Server', line: 4, value: { kind: 'set', elems: ['s1', 's2', 's3'].map((name) => ({ kind: 'model', name })) } },
    { kind: 'value', name: 'MaxTerm', line: 5, value: { kind: 'int', value: 3 } },
    { kind: 'value', name: 'Nil', line: 6, value: { kind: 'model', name: 'Nil' } },
    { kind: 'value', name: 'Name', line: 7, value: { kind: 'string', value: 'raft' } },
    { kind: 'value', name: 'Flag', line: 8, value: { kind: 'bool', value: false } },
    { kind: 'substitution', name: 'Value', definition: 'MCValue', line: 9 },
  ]);
  t.same(cfg.init, { name: 'Init', line: 10 });
  t.same(cfg.next, { name: 'Next', line: 10 });
  t.same(cfg.invariants.map((n) => n.name), ['TypeOK', 'LogMatching', 'ElectionSafety']);
  t.same(cfg.properties.map((n) => n.name), ['LeaderAppendOnly', 'Live']);
  t.same(cfg.constraints.map((n) => n.name), ['Bound']);
  t.same(cfg.actionConstraints.map((n) => n.name), ['AC']);
  t.same(cfg.symmetry, { name: 'Sym', line: 17 });
  t.equal(cfg.checkDeadlock, false);
});

t.test('SPECIFICATION form', async (t) => {
  const cfg = parseCfg('SPECIFICATION Spec\nINVARIANT Inv\n', 'S.cfg');
  t.same(cfg.specification, { name: 'Spec', line: 1 });
  t.equal(cfg.init, undefined);
});

t.test('errors carry file and line', async (t) => {
  const cases: Array<[string, number | undefined, RegExp]> = [
    ['INIT Init\nNEXT Next\nFOO Bar\n', 3, /unknown cfg keyword `FOO`/],
    ['CONSTANTS\n  N = \nINIT Init\nNEXT Next\n', 3, /missing constant value before `INIT`/],
    ['CONSTANTS N = ?\nINIT Init\nNEXT Next\n', 1, /unsupported constant value/],
    ['CONSTANTS N ! 3\nINIT Init\nNEXT Next\n', 1, /expected `=` or `<-`/],
    ['CONSTANTS S = {a, b\nINIT I\nNEXT N\n', 2, /expected `,` or `}`/],
    ['INIT Init\n', undefined, /no SPECIFICATION and no INIT\/NEXT/],
    ['SPECIFICATION S\nINIT I\nNEXT N\n', 1, /both SPECIFICATION and INIT\/NEXT/],
    ['INIT I\nNEXT N\nINIT J\n', 3, /INIT given twice/],
    ['INIT I\nNEXT N\n(* open\n', 3, /unterminated comment/],
  ];
  for (const [text, line, what] of cases) {
    const e = t.throws(() => parseCfg(text, 'bad.cfg'));
    t.type(e, UserError);
    if (e instanceof UserError) {
      t.equal(e.file, 'bad.cfg');
      t.equal(e.line, line, text);
      t.match(e.what, what);
    }
  }
});

t.test('formatCfgValue round-trips through the parser', async (t) => {
  const cfg = parseCfg('CONSTANTS S = {a, {1, -2}, "x", TRUE, {}}\nINIT I\nNEXT N\n', 'r.cfg');
  const c = cfg.constants[0];
  t.equal(c?.kind === 'value' ? formatCfgValue(c.value) : '', '{a, {1, -2}, "x", TRUE, {}}');
});
