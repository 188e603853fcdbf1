import t from 'tap';
import { UserError } from './errors.js';
import { definitions, parseModule, parseVariantHeader, replaceDefinitions } from './module.js';

const SRC = `---------------- MODULE M ----------------
(* header (* nested *) comment *)
EXTENDS Naturals, Sequences
CONSTANT N, F(_)
VARIABLE x
VARIABLES y,  \\* the y
          z
-----------------------------------------------
Plus(a, b) == a + b
LOCAL Hidden == LET Inner == 1
                    Two(q) == q IN Inner
f[i \\in 1..3] == i * 2
I == INSTANCE Naturals
Next == \\/ x' = x + 1
        \\/ UNCHANGED x
==============================================
ignored trailer == 1
`;

t.test('reads header, declarations and definitions with line ranges', async (t) => {
  const m = parseModule(SRC, 'M.tla');
  t.equal(m.name, 'M');
  t.equal(m.headerLine, 1);
  t.equal(m.endLine, 16);
  const kinds = m.units.map((u) => u.kind);
  t.same(kinds, ['extends', 'constants', 'variables', 'variables', 'other', 'definition', 'definition', 'definition', 'definition', 'definition']);
  const [ext, cons, v1, v2] = m.units;
  t.same(ext?.kind === 'extends' && ext.names, ['Naturals', 'Sequences']);
  t.same(cons?.kind === 'constants' && cons.decls.map((d) => d.text), ['N', 'F(_)']);
  t.same(v1?.kind === 'variables' && v1.decls.map((d) => d.name), ['x']);
  t.same(v2?.kind === 'variables' && v2.decls.map((d) => [d.name, d.line]), [['y', 6], ['z', 7]]);
  const defs = definitions(m);
  t.same([...defs.keys()], ['Plus', 'Hidden', 'f', 'I', 'Next']);
  t.same(defs.get('Plus')?.params, ['a', 'b']);
  t.equal(defs.get('Hidden')?.local, true);
  t.equal(defs.get('Hidden')?.line, 10);
  t.equal(defs.get('Hidden')?.endLine, 11, 'LET ... == inside a body does not start a definition');
  t.equal(defs.get('I')?.body, 'INSTANCE Naturals');
  t.same([defs.get('Next')?.line, defs.get('Next')?.endLine], [14, 15]);
  t.equal(defs.get('Next')?.body, "\\/ x' = x + 1\n        \\/ UNCHANGED x");
});

t.test('a fragment without header is a list of definitions', async (t) => {
  const m = parseModule('\\* model: MC\nA == 1\n\nB(x) ==\n  x + 1\n', 'frag.tla');
  t.equal(m.name, undefined);
  t.same([...definitions(m).keys()], ['A', 'B']);
});

t.test('errors carry file and line', async (t) => {
  const e1 = t.throws(() => parseModule('---- MODULE M ----\nA == 1\n', 'a.tla'));
  t.match(e1, { file: 'a.tla', what: /no closing ====/ });
  const e2 = t.throws(() => parseModule('---- MODULE M ----\nA == "open\n====\n', 'b.tla'));
  t.match(e2, { file: 'b.tla', line: 2, what: /unterminated string/ });
  t.type(e2, UserError);
});

t.test('replaceDefinitions swaps same-named definitions and keeps a line map', async (t) => {
  const base = parseModule(SRC, 'M.tla');
  const variant = parseModule('\\* why: test\nPlus(a, b) ==\n    a - b\n', 'broken/V.tla');
  const out = replaceDefinitions(base, variant);
  const m = parseModule(out.text, 'gen.tla');
  t.equal(definitions(m).get('Plus')?.body, 'a - b');
  t.equal(definitions(m).get('Next')?.body, "\\/ x' = x + 1\n        \\/ UNCHANGED x");
  t.same(out.origins[8], { file: 'broken/V.tla', line: 2 }, 'replaced definition maps to the variant');
  t.same(out.origins[9], { file: 'broken/V.tla', line: 3 });
  t.same(out.origins[10], { file: 'M.tla', line: 10 }, 'lines after it map back to the base');
  const bad = parseModule('Nope == 1\n', 'broken/W.tla');
  t.match(t.throws(() => replaceDefinitions(base, bad)), { file: 'broken/W.tla', line: 1, what: /Nope is not defined in M.tla/ });
});

t.test('variant header comments', async (t) => {
  t.same(parseVariantHeader('\\* model: MCRaft3\n\\* expect: violation\n\\* why: votes twice\nA == 1\n'), {
    model: 'MCRaft3',
    expect: 'violation',
    why: 'votes twice',
  });
  t.same(parseVariantHeader('A == 1\n'), {});
  const multi = '---- MODULE V ----\n\\* model: MCRaft3\n\\* expect: violation\n\\* why: AE-5 without the min: a follower\n\\*      takes leaderCommit.\n\\* unrelated comment\nA == 1\n====\n';
  t.equal(parseVariantHeader(multi).why, 'AE-5 without the min: a follower takes leaderCommit.');
});
