// The sources of spec/FIGURE2.md, one reader at a time: rule ids in text,
// the README's table, the spec's definitions, comments and tests in
// TypeScript, the mutants JSON, and the staleness summary.
import t, { type Test } from 'tap';
import { UserError } from '../tla/errors.js';
import { idsIn } from './ids.js';
import { mutantEntries, parseMutantsJson } from './mutants.js';
import { parseReadme, ruleOrder } from './readme.js';
import { codeCitations, testCitations } from './sources.js';
import { parseSpec } from './spec.js';
import { describeStaleness, staleness } from './stale.js';

/** userError: the message of the UserError that `f` throws (fails the test if it throws nothing else). */
function userError(t: Test, f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return e.message;
    throw e;
  }
  t.fail('no UserError thrown');
  return '';
}

const ORDER = ['AE-1', 'AE-2', 'AE-3', 'L-3', 'L-3a', 'L-3b', 'L-4', 'D-1', 'D-10'];

t.test('ids: whole ids only, ranges in the README order, unknown ids kept apart', async (t) => {
  const found = idsIn('AE-1 .. AE-3; L-3 and L-3a; D-10, not D-1xy or XAE-2; L-9 and AE-2..L-4', ORDER);
  t.same([...found.ids].sort(), ['AE-1', 'AE-2', 'AE-3', 'D-10', 'L-3', 'L-3a', 'L-4'].sort());
  t.same([...found.unknown], ['L-9']);
  t.same([...idsIn('L-3 .. L-4', ORDER).ids], ['L-3', 'L-3a', 'L-3b', 'L-4']);
  t.same([...idsIn('L-3b', ORDER).ids], ['L-3b'], 'L-3b is not L-3');
  t.same([...idsIn('AE-3 .. AE-1', ORDER).ids].sort(), ['AE-1', 'AE-3'], 'a backwards range is two ids');
});

const README = `# spec

## Rule ids

| id | Figure 2 rule (in our words) | spec action |
| --- | --- | --- |
| AE-1 | an old request is refused (a \\| pipe) | \`Handle\` |
| L-4 | commit on a majority | \`Commit\` (\`Committable\`) |

## Departures from Figure 2

- **D-1. Messages, not RPCs.** The network is a bag.
- **D-2. Responses say what they answer.** Why.

## Properties checked
`;

t.test('readme: the rule table and the departures', async (t) => {
  const r = parseReadme(README, 'spec/README.md');
  t.same(r.rules.map((x) => [x.id, x.text, x.named]), [
    ['AE-1', 'an old request is refused (a | pipe)', ['Handle']],
    ['L-4', 'commit on a majority', ['Commit', 'Committable']],
  ]);
  t.same(r.departures.map((d) => [d.id, d.title]), [['D-1', 'Messages, not RPCs'], ['D-2', 'Responses say what they answer']]);
  t.same(ruleOrder(r), ['AE-1', 'L-4', 'D-1', 'D-2']);
});

t.test('readme: a missing section, a bad header, a bad id or a repeated id is a UserError with its line', async (t) => {
  const bad = (text: string, what: RegExp): void => {
    t.match(userError(t, () => parseReadme(text, 'spec/README.md')), what);
  };
  bad('# nothing here\n', /no "## Rule ids" section/);
  bad(README.replace('| id |', '| rule |'), /^spec\/README\.md:5: the rule table's header/);
  bad(README.replace('| L-4 |', '| L4 |'), /^spec\/README\.md:8: "L4" is not a rule id/);
  bad(README.replace('| L-4 |', '| AE-1 |'), /rule AE-1 is in the table twice/);
  bad(README.replace('## Departures from Figure 2', '## Departures'), /no "## Departures from Figure 2" section/);
});

const SPEC = `---- MODULE S ----
\\* Helpers

\\* AE-2: the log matches.
LogOk(i) == TRUE

\\* AE-3 and AE-1, one comment for two definitions.
First(x) == x

Second(x) == x
----
\\* L-4: commit.
Commit(i) ==
    /\\ TRUE   \\* D-1 in the body
\\* A heading, then a blank line.

Plain == 1

Next == \\/ \\E i \\in S : Commit(i)
        \\/ Len(x) = 0
====
`;

t.test('spec: comments above a definition, shared by the next ones, inside its body; actions are what Next calls', async (t) => {
  const s = parseSpec(SPEC, 'spec/S.tla', ['AE-1', 'AE-2', 'AE-3', 'L-4', 'D-1']);
  const defs = Object.fromEntries(s.definitions.map((d) => [d.name, { ids: [...d.ids].sort(), action: d.action }]));
  t.same(defs, {
    LogOk: { ids: ['AE-2'], action: false },
    First: { ids: ['AE-1', 'AE-3'], action: false },
    Second: { ids: ['AE-1', 'AE-3'], action: false },
    Commit: { ids: ['D-1', 'L-4'], action: true },
    Plain: { ids: [], action: false },
    Next: { ids: [], action: false },
  });
  t.throws(() => parseSpec('X == 1\n', 'spec/S.tla', []), /spec\/S\.tla: no Next definition/);
});

t.test('sources: comments only in code; tests by name and body, the rest by file', async (t) => {
  const files: Record<string, string> = {
    'src/a.ts': [
      '// a: AE-1 in a line comment',
      "const s = 'AE-2 in a string is not a comment';",
      'const r = /AE-3/; // L-4 after a regex',
      '/**',
      ' * AE-1 .. AE-3 in a block',
      ' */',
      'export const x = `${s} ${String(r)} // D-1 in a template`;',
    ].join('\n'),
    'src/a.test.ts': [
      '// header: L-3',
      "import t, { type Test } from 'tap';",
      "t.test('AE-1: refused', async (t) => {",
      "  t.test('nested', async () => {});",
      "  t.equal(1, 1, 'body cites L-4');",
      '});',
      "t.test(`plain`, async () => {});",
    ].join('\n'),
  };
  const read = (f: string): string => files[f] as string;
  const code = codeCitations(['src/a.ts'], ORDER, read);
  t.same(Object.fromEntries([...code.cited].map(([id, cs]) => [id, cs.map((c) => `${c.file}:${c.lines.join(',')}`)])), {
    'AE-1': ['src/a.ts:1,5'],
    'L-4': ['src/a.ts:3'],
    'AE-2': ['src/a.ts:5'],
    'AE-3': ['src/a.ts:5'],
  });
  const tests = testCitations(['src/a.test.ts'], ORDER, read);
  t.same(tests.tests.map((c) => [c.name, c.line, [...c.ids].sort()]), [
    ['AE-1: refused', 3, ['AE-1', 'L-4']],
    ['plain', 7, []],
  ]);
  t.same([...(tests.files.get('src/a.test.ts') ?? [])], ['L-3']);
});

t.test('mutants JSON: results decoded, anything else a one-line error naming the file and the field', async (t) => {
  const ok = parseMutantsJson(JSON.stringify({ mutants: [{ id: 'm1', title: 'T', rules: ['AE-1'], status: 'killed', trace: 'x', step: 3 }], killed: 1, survived: 0, seconds: 1 }), 'm.json');
  t.same(ok, [{ id: 'm1', title: 'T', rules: ['AE-1'], status: 'killed', trace: 'x', step: 3 }]);
  const bad = (text: string, what: RegExp): void => {
    const message = userError(t, () => parseMutantsJson(text, 'm.json'));
    t.match(message, what);
    t.notMatch(message, /\n/, 'one line');
  };
  bad('{', /^m\.json: not JSON: /);
  bad('[]', /^m\.json: \$: expected \{ mutants: \[\.\.\.\] \}, got \[\]/);
  bad('{"mutants": [{"id": "m1", "title": "T", "rules": ["AE-1"], "status": "dead"}]}', /^m\.json: \$\.mutants\[0\]\.status: expected "killed" or "survived", got "dead"/);
  bad('{"mutants": [{"id": "m1", "title": "T", "rules": "AE-1", "status": "killed"}]}', /\$\.mutants\[0\]\.rules: expected/);
  const m = { id: 'm1', title: 'T', rules: ['AE-1'], status: 'killed' };
  bad(JSON.stringify({ mutants: [m, m] }), /\$\.mutants\[1\]\.id: mutant m1 is listed twice/);
});

t.test('mutants: the catalogue with measured status, "not measured" without one', async (t) => {
  const catalogue = [
    { id: 'a', title: 'A', rules: ['AE-1'] },
    { id: 'b', title: 'B', rules: ['L-4'] },
  ];
  const unmeasured = mutantEntries(catalogue, undefined);
  t.same(unmeasured.entries.map((e) => [e.id, e.status]), [['a', 'not measured'], ['b', 'not measured']]);
  t.equal(unmeasured.measured, false);
  const measured = mutantEntries(catalogue, [
    { id: 'a', title: 'A', rules: ['AE-1'], status: 'survived' },
    { id: 'c', title: 'C', rules: ['L-3'], status: 'killed' },
  ]);
  t.same(measured.entries.map((e) => [e.id, e.status]), [['a', 'survived'], ['b', 'not measured'], ['c', 'killed']]);
  t.same(measured.notCatalogued, ['c']);
  t.equal(mutantEntries(undefined, undefined).known, false);
});

t.test('staleness: equal texts are current; otherwise the lines, the first line and the rows that changed', async (t) => {
  const old = ['# F', '## Rules', '| id | x |', '| AE-1 | 3 |', '| L-4 | 5 |', '## Tests by rule', '### L-4', '- a', ''].join('\n');
  t.equal(staleness(old, old), undefined);
  const fresh = old.replace('| L-4 | 5 |', '| L-4 | 6 |').replace('- a', '- a\n- b');
  const s = staleness(old, fresh);
  t.same(s, { added: 2, removed: 1, firstLine: 5, where: ['L-4', 'Tests by rule > L-4'] });
  t.equal(describeStaleness('spec/FIGURE2.md', s!), 'spec/FIGURE2.md is stale: +2 -1 lines, first difference at line 5, in: L-4, Tests by rule > L-4');
});
