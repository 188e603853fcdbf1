import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { Stepper } from '../tla/label.js';
import { loadModel } from '../tla/model.js';
import { FIXTURES } from './fixtures.js';
import { tlcSimulateArgs, tlcTraceFiles } from './tlc-generate.js';
import { UnlabelledStepError, labelStates } from './tlc-label.js';
import { TlcValueError, parseTlcTraceFile, parseTlcValue } from '../tla/tlc-values.js';

const SPEC = path.join(FIXTURES, '..', '..', '..', 'spec');

t.test('TLC value text -> tla-checker shapes', async (t) => {
  t.same(parseTlcValue('(s1 :> 0 @@ s2 :> -1)'), { __fn: [[{ __model: 's1' }, 0], [{ __model: 's2' }, -1]] });
  t.same(parseTlcValue('<<>>'), { __tuple: [] });
  t.same(parseTlcValue('<<[term |-> 1, value |-> v1]>>'), { __tuple: [{ term: 1, value: { __model: 'v1' } }] });
  t.same(parseTlcValue('{s1, s2}'), [{ __model: 's1' }, { __model: 's2' }]);
  t.same(parseTlcValue('{}'), []);
  t.same(parseTlcValue('"Follower"'), 'Follower');
  t.same(parseTlcValue('"a \\"q\\" \\\\ b"'), 'a "q" \\ b', 'escapes');
  t.same(parseTlcValue('[a |-> TRUE, b |-> FALSE]'), { a: true, b: false });
  t.same(parseTlcValue('(s1 :> (s2 :> 1))'), { __fn: [[{ __model: 's1' }, { __fn: [[{ __model: 's2' }, 1]] }]] }, 'nested functions');
  t.same(parseTlcValue('(3)'), 3, 'parentheses');
  t.throws(() => parseTlcValue('(s1 :> 0'), TlcValueError);
  t.throws(() => parseTlcValue('1 2'), /trailing/);
  t.throws(() => parseTlcValue('"open'), /unterminated/);
});

t.test('a simulation trace file: states in order, values across lines', async (t) => {
  const states = parseTlcTraceFile(fs.readFileSync(path.join(FIXTURES, 'trace_0_0'), 'utf8'));
  t.equal(states.length, 4);
  t.same(Object.keys(states[0] ?? {}), ['currentTerm', 'votedFor', 'log', 'state', 'commitIndex', 'lastApplied', 'votesGranted', 'nextIndex', 'matchIndex', 'messages']);
  t.match(states[3]?.['messages'], { __fn: [[{ type: 'RequestVoteRequest', lastLogTerm: 0 }, 1]] });
  t.throws(() => parseTlcTraceFile('STATE_1 ==\n/\\ x = (1 :>\n'), /STATE_1/);
});

t.test('labelling a TLC trace with the stepping API: actions and arguments, stuttering dropped', async (t) => {
  const model = loadModel(path.join(SPEC, 'MCRaft2.tla'), path.join(SPEC, 'MCRaft2.cfg'));
  const stepper = new Stepper(model);
  const states = parseTlcTraceFile(fs.readFileSync(path.join(FIXTURES, 'trace_0_0'), 'utf8'));
  const labelled = labelStates(stepper, model.combined.variables, states);
  t.same(labelled.map((s) => [s.action.name, s.action.args]), [['Init', []], ['Timeout', ['s1']], ['RequestVote', ['s1', 's2']]]);
  const wrong = [states[0], states[3]].filter((s) => s !== undefined);
  t.throws(() => labelStates(stepper, model.combined.variables, wrong), UnlabelledStepError, 'a state that is no successor: the checkers disagree');
  t.same(labelStates(stepper, model.combined.variables, wrong, true).length, 1, 'unless it is the last one, which TLC may pick outside ACTION_CONSTRAINT');
});

t.test('TLC command line and trace file names', async (t) => {
  t.same(tlcSimulateArgs('/j.jar', 'MCRaft2', 'trace', 5, 20, 7), [
    '-XX:+UseParallelGC', '-cp', '/j.jar', 'tlc2.TLC', '-simulate', 'file=trace,num=5', '-depth', '20', '-seed', '7', '-workers', '1', '-deadlock', '-config', 'MCRaft2.cfg', 'MCRaft2.tla',
  ]);
  const dir = t.testdir({ trace_0_10: '', trace_0_2: '', trace_1_0: '', trace_3: '', other_0_0: '', 'trace_0_1.tla': '' });
  t.same(tlcTraceFiles(dir, 'trace').map((f) => path.basename(f)), ['trace_0_2', 'trace_3', 'trace_0_10', 'trace_1_0'], 'by (worker, number); an older name without a worker is worker 0');
});
