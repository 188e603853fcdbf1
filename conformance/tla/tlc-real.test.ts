// The TLC path on real TLC output (fixtures/tlc-real/: TLC 2026.04.29 on our own specs, copied
// into fixtures/tlc-real/spec/ as TLC read them). CI has no TLC: these fixtures stand in for it.
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { formatAction } from './counterexample.js';
import { firingProblems } from './firing.js';
import { FIXTURES } from './fixtures.js';
import { Stepper } from './label.js';
import { type LoadedModel, loadModel } from './model.js';
import { unfiredOf } from './models.js';
import { coverageLines, counterexampleLines } from './report.js';
import { actionAt, tlcActionCoverage, tlcStepNames } from './tlc-actions.js';
import { fromReport } from './tlc.js';
import { parseTlcOutput } from './tlc-output.js';
import { parseTlcTrace } from './tlc-values.js';
import { loadVariant } from './variants.js';
import { labelStates } from '../generate/tlc-label.js';
import { stateFromTla } from '../generate/raft-state.js';

const DIR = path.join(FIXTURES, 'tlc-real');
const SPEC = path.join(DIR, 'spec');
const out = (name: string): string => fs.readFileSync(path.join(DIR, name), 'utf8');
const model = (name: string): LoadedModel => loadModel(path.join(SPEC, `${name}.tla`), path.join(SPEC, `${name}.cfg`));
const variant = (name: string): LoadedModel => {
  const v = loadVariant(path.join(SPEC, 'broken', `${name}.tla`), SPEC);
  return loadModel(path.join(SPEC, `${v.model}.tla`), path.join(SPEC, `${v.model}.cfg`), new Map([[v.target, v.source]]));
};

t.test('coverage: the disjuncts TLC names only by Next and a span are named by the action called there', async (t) => {
  const report = parseTlcOutput(out('MCRaft3.out'));
  t.same(report.coverage.find((c) => c.sub?.line === 422), { action: 'Next', line: 410, module: 'Raft', sub: { line: 422, col: 8, endLine: 422, endCol: 63 }, distinct: 7325, total: 12459 });
  const m = model('MCRaft3');
  t.equal(actionAt(m.combined.modules.find((x) => x.name === 'Raft')?.text ?? '', { line: 416, col: 29, endLine: 416, endCol: 76 }), 'AppendEntries', 'a nested \\E');
  const cov = new Map(tlcActionCoverage(m, report.coverage).map((c) => [c.action, `${c.distinct}:${c.total}`]));
  t.same([...cov.keys()], [
    'Restart', 'Timeout', 'RequestVote', 'BecomeLeader', 'ClientRequest', 'AppendEntries', 'AdvanceCommitIndex', 'ApplyEntry', 'UpdateTerm',
    'HandleRequestVoteRequest', 'HandleRequestVoteResponse', 'HandleAppendEntriesRequest', 'HandleAppendEntriesResponse', 'DropStaleResponse', 'DropMessage', 'DuplicateMessage',
  ], "Next's 16 actions in order: no variable, no Init, no StepWithinBounds");
  t.equal(cov.get('Restart'), '7844:125394');
  t.equal(cov.get('AppendEntries'), '6701:64627');
  t.equal(cov.get('UpdateTerm'), '2867:6793');
  t.equal(cov.get('HandleAppendEntriesRequest'), '7325:12459');
  t.equal(cov.get('DuplicateMessage'), '0:37338', 'generated, all rejected by the ACTION_CONSTRAINT');
});

t.test('coverage of a model whose Next is ScriptedNext, in the model module', async (t) => {
  const cov = new Map(tlcActionCoverage(model('MCRaft3Fig8Script'), parseTlcOutput(out('MCRaft3Fig8Script.out')).coverage).map((c) => [c.action, `${c.distinct}:${c.total}`]));
  t.equal(cov.get('Timeout'), '1426:10465', '\\E i \\in {j \\in Server : Stands(j)} : Timeout(i)');
  t.equal(cov.get('DropStaleResponse'), '124:502');
  t.equal(cov.size, 12);
  t.notOk(cov.has('Restart'));
});

t.test('never fired under TLC: distinct 0, judged against the cfg like the embedded checker', async (t) => {
  const m = model('MCRaft3');
  const r = fromReport(m, parseTlcOutput(out('MCRaft3.out')), 39, '');
  t.equal(r.states, 41798);
  t.match(r.actionCoverage?.find((c) => c.action === 'DuplicateMessage'), { fired: 0, total: 37338 });
  const declared = unfiredOf(fs.readFileSync(path.join(SPEC, 'MCRaft3.cfg'), 'utf8'), 'MCRaft3.cfg');
  const judged = firingProblems(r, declared);
  t.same(judged.problems, []);
  t.match(judged.lines, [/unfired by design: DuplicateMessage/]);
  t.match(firingProblems(r, new Map()).problems, [/action DuplicateMessage never fires/], 'undeclared: vacuous');
  const lines = coverageLines(r);
  t.match(lines[0], /coverage \(TLC, distinct new states per action/);
  t.ok(lines.some((l) => /^ {4}DuplicateMessage +0 \(37338\) {2}NEVER FIRED$/.test(l)), 'the embedded format, TLC total in parentheses');
  t.notOk(lines.some((l) => /messages|StepWithinBounds|Init/.test(l)));
  const mc2 = fromReport(model('MCRaft2'), parseTlcOutput(out('MCRaft2.out')), 8, '');
  t.same(firingProblems(mc2, new Map()).problems, [], 'MCRaft2: every action fires');
  t.equal(mc2.actionCoverage?.find((c) => c.action === 'HandleRequestVoteRequest')?.fired, 889);
});

t.test('a counterexample carries every action with its arguments; variant lines map to the original file', async (t) => {
  const m = variant('VoteTwice');
  const r = fromReport(m, parseTlcOutput(out('broken-VoteTwice.out')), 5, '');
  t.same(r.violated, { name: 'ElectionSafety', kind: 'invariant' });
  t.same(r.notes, []);
  t.same(r.counterexample?.slice(0, 6).map((s) => formatAction(s.action)), [
    'Init', 'Timeout(s1)', 'Timeout(s2)', 'RequestVote(s2, s1)', 'RequestVote(s1, s2)',
    'HandleRequestVoteRequest([candidateId |-> s1, from |-> s1, lastLogIndex |-> 0, lastLogTerm |-> 0, term |-> 1, to |-> s2, type |-> "RequestVoteRequest"])',
  ], 'the first steps, arguments included');
  t.equal(r.counterexample?.length, 11);
  t.notOk(r.counterexample?.some((s) => s.action.name === 'Next'), 'no step is named Next');
  t.same(r.counterexample?.slice(5).map((s) => s.action.name), ['HandleRequestVoteRequest', 'HandleRequestVoteRequest', 'HandleRequestVoteResponse', 'BecomeLeader', 'HandleRequestVoteResponse', 'BecomeLeader']);
  t.equal(r.tlcTrace?.[5]?.at?.span.line, 420, "TLC's line 419 of the generated Raft is line 420 of spec/Raft.tla");
  t.match(r.tlcTrace?.[5]?.location, /^Next line 420, col 8 to line 420, col 61 of module Raft$/);
  t.match(counterexampleLines(r)[0], /^step 0: Init$/);
  const q = fromReport(variant('QuorumOffByOne'), parseTlcOutput(out('broken-QuorumOffByOne.out')), 2, '');
  t.same(q.counterexample?.map((s) => formatAction(s.action)), ['Init', 'Timeout(s1)', 'Timeout(s2)', 'BecomeLeader(s1)', 'BecomeLeader(s2)']);
});

t.test('simulation trace files: TLC labels each state; the labels name the steps', async (t) => {
  const m = model('MCRaft3');
  const stepper = new Stepper(m);
  for (const f of ['trace_0_0', 'trace_0_1', 'trace_0_2']) {
    const trace = parseTlcTrace(out(path.join('simulate', f)));
    t.match(trace[0]?.label, /^Init line 173/, `${f}: the first label is Init`);
    const named = trace.map((s) => /^(\w+)\(/.exec(s.label ?? '')?.[1]);
    const names = tlcStepNames(m, trace.map((s) => s.label));
    t.notOk(names.slice(1).some((n) => n === undefined), `${f}: every label names an action, the Next ones by their span`);
    const labelled = labelStates(stepper, m.combined.variables, trace.map((s) => s.state), true, names);
    t.ok(labelled.length >= trace.length - 1, `${f}: every state labelled (the last may leave the bounds)`);
    labelled.forEach((s, k) => named[k] !== undefined && t.equal(s.action.name, named[k], `${f} step ${k}: TLC's own name`));
    t.same(stateFromTla(trace[0]?.state ?? {}, m.combined.variables)['messages'], { '#map': [] }, 'the empty bag <<>> is an empty function');
  }
});
