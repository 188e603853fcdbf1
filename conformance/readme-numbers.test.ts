// readme-numbers: a marked figure that differs from its measurement, or that nothing measures, is
// reported with its file and line; writing puts the measurement in; mutants are counted by how
// they were caught (plain replay, only the enabledness check, only a hand-written trace).
import t from 'tap';
import { checkText, formatMismatch, mutantFigures, writeText } from './readme-numbers.js';

const DOC = {
  mutants: [
    { id: 'a', status: 'killed', kind: 'state', trace: 'traces/corpus/x.itf.json' },
    { id: 'b', status: 'killed', kind: 'enabled', trace: 'traces/corpus/y.itf.json' },
    { id: 'c', status: 'killed', kind: 'state', trace: 'conformance/mutants/traces/z.itf.json' },
    { id: 'd', status: 'killed', kind: 'apply', trace: 'traces/corpus/y.itf.json' },
    { id: 'e', status: 'survived', kind: null, trace: null },
  ],
};

t.test('mutantFigures counts by how each mutant was caught', async (t) => {
  const f = mutantFigures(DOC);
  t.same(
    [f.get('mutants.total'), f.get('mutants.killed'), f.get('mutants.survived'), f.get('mutants.plain'), f.get('mutants.plain.state'), f.get('mutants.plain.other')],
    ['5', '4', '1', '3', '2', '1'],
  );
  t.equal(f.get('mutants.enabledOnly.ids'), '`b`');
  t.equal(f.get('mutants.handWritten.ids'), '`c`');
});

t.test('checkText: a wrong or unmeasured figure names file, line and key', async (t) => {
  const figures = new Map([['mutants.killed', '40']]);
  const text = 'intro\nall <!-- n:mutants.killed -->39<!-- /n --> killed\n<!-- n:nope.key -->3<!-- /n -->\n';
  const bad = checkText('R.md', text, figures);
  t.same(bad.map(formatMismatch), [
    'R.md:2: mutants.killed: the README says 39, measured 40',
    'R.md:3: nope.key: nothing measures this key',
  ]);
  t.same(checkText('R.md', writeText(text, figures), figures).map((m) => m.key), ['nope.key'], 'writing fixes what is measured');
  t.same(checkText('R.md', 'no marks here, 39 killed', figures), [], 'unmarked numbers are not checked');
});
