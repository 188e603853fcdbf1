import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { UserError } from '../tla/errors.js';
import { FIXTURES } from './fixtures.js';
import { type GenerateOptions, generateTraces } from './generate.js';
import { ITF_FORMAT_DESCRIPTION } from '../itf/write.js';
import { RAFT_VARIABLES } from './raft-state.js';
import { RULE_IDS } from './rules.js';
import { DEFAULT_WEIGHTS } from './weights.js';

t.setTimeout(300_000);

const ROOT = path.join(FIXTURES, '..', '..', '..');
const SPEC = path.join(ROOT, 'spec');
const base = (out: string, more: Partial<GenerateOptions> = {}): GenerateOptions => ({ models: ['MCRaft2'], count: 3, depth: 12, seed: 11, out, jobs: 1, specDir: SPEC, ...more });
const read = (files: readonly string[]): string[] => files.map((f) => fs.readFileSync(f, 'utf8'));

t.test('same seed: byte-identical files, whatever the number of jobs; another seed: other traces', async (t) => {
  const dir = t.testdir({ a: {}, b: {}, c: {} });
  const a = await generateTraces(base(path.join(dir, 'a')));
  const b = await generateTraces(base(path.join(dir, 'b'), { jobs: 2 }));
  t.same(a.files.map((f) => path.basename(f)), ['MCRaft2-random-s11-0000.itf.json', 'MCRaft2-random-s11-0001.itf.json', 'MCRaft2-random-s11-0002.itf.json']);
  t.same(read(b.files), read(a.files), 'jobs 2 = jobs 1, byte for byte');
  const c = await generateTraces(base(path.join(dir, 'c'), { seed: 12 }));
  const states = (text: string): string => text.slice(text.indexOf('"states"'));
  t.not(read(c.files).map(states).join(), read(a.files).map(states).join(), 'seed 12 walks elsewhere');
  t.not(states(read(a.files)[0] ?? ''), states(read(a.files)[1] ?? ''), 'traces of one batch differ');
});

t.test('file layout, header and every state\'s #meta', async (t) => {
  const out = t.testdir();
  const r = await generateTraces(base(out, { count: 2, minDepth: 8 }));
  const text = fs.readFileSync(r.files[0] ?? '', 'utf8');
  const doc = JSON.parse(text) as { '#meta': Record<string, unknown>; vars: string[]; states: Record<string, unknown>[] };
  t.match(doc['#meta'], {
    format: 'ITF',
    'format-description': ITF_FORMAT_DESCRIPTION,
    source: path.relative(process.cwd(), path.join(SPEC, 'MCRaft2.tla')),
    description: 'random walk 0 of 2, seed 11',
    raftref: {
      version: 1,
      generatedBy: /^raftref \d+\.\d+\.\d+( \(git [0-9a-f]+\))?$/,
      spec: path.relative(process.cwd(), path.join(SPEC, 'Raft.tla')),
      specHash: `sha256:${crypto.createHash('sha256').update(fs.readFileSync(path.join(SPEC, 'Raft.tla'))).digest('hex')}`,
      model: 'MCRaft2',
      constants: { Server: { '#set': ['s1', 's2'] }, Value: { '#set': ['v1'] }, Nil: 'Nil', MaxTerm: { '#bigint': '2' } },
      checker: { name: 'tla-checker', version: /^\d+\.\d+\.\d+$/ },
      generator: { mode: 'random', seed: 11, index: 0, count: 2, depth: 12, minDepth: 8, weights: { Restart: 0.3, HandleAppendEntriesRequest: 4 } },
    },
  });
  t.same(doc.vars, RAFT_VARIABLES);
  t.ok(doc.states.length >= 9 && doc.states.length <= 13, `8 to 12 steps: ${doc.states.length - 1}`);
  const vars = (s: Record<string, unknown> | undefined): string => JSON.stringify({ ...s, '#meta': null });
  for (const [k, s] of doc.states.entries()) {
    t.same(Object.keys(s), ['#meta', ...RAFT_VARIABLES], `state ${k}: #meta, then the variables in order`);
    t.match(s['#meta'], { index: k, action: String, args: Array });
    if (k > 0) t.not(vars(s), vars(doc.states[k - 1]), `state ${k} differs from state ${k - 1}: no stuttering`);
  }
  t.same(doc.states[0]?.['#meta'], { index: 0, action: 'Init', args: [] });
  t.match(text, /\n {4}\{"#meta":\{"index":1,"action":"[A-Za-z]+","args":\[/, 'one state a line');
  t.equal(text.split('\n').filter((l) => l.startsWith('    {"#meta"')).length, doc.states.length);
});

t.test('weights: an action of weight 0 is never taken, a heavy one dominates', async (t) => {
  const dir = t.testdir({ none: {}, heavy: {}, light: {} });
  const none = await generateTraces(base(path.join(dir, 'none'), { count: 3, depth: 15, weights: ['Timeout=0'] }));
  t.equal(none.summary.steps, 0, 'without Timeout nothing but stuttering is enabled in the initial state');
  const heavy = await generateTraces(base(path.join(dir, 'heavy'), { count: 3, depth: 15, weights: ['DropMessage=50'] }));
  const light = await generateTraces(base(path.join(dir, 'light'), { count: 3, depth: 15 }));
  const drops = (r: typeof heavy): number => r.summary.actions['DropMessage']?.steps ?? 0;
  t.ok(drops(heavy) >= 3 * Math.max(drops(light), 1), `DropMessage=50: ${drops(heavy)} drops, default weight: ${drops(light)}`);
  t.ok(drops(heavy) >= heavy.summary.steps / 5, `${drops(heavy)} of ${heavy.summary.steps} steps`);
});

t.test('a new batch with the same model, mode and seed replaces the old files', async (t) => {
  const out = t.testdir({ 'MCRaft2-random-s11-0007.itf.json': 'old', 'MCRaft2-random-s12-0000.itf.json': 'other seed', 'notes.txt': 'x' });
  await generateTraces(base(out, { count: 1, depth: 3 }));
  t.same(fs.readdirSync(out).sort(), ['MCRaft2-random-s11-0000.itf.json', 'MCRaft2-random-s12-0000.itf.json', 'notes.txt']);
});

t.test('coverage mode reaches every action of MCRaft2 (bounds allowing duplicates) in a few traces', async (t) => {
  const r = await generateTraces(
    base(t.testdir(), { mode: 'coverage', count: 1, depth: 20, minDepth: 10, seed: 1, roundSize: 2, cfg: path.join(FIXTURES, 'MCRaft2Dup.cfg'), skip: [...RULE_IDS] }),
  );
  t.same(r.summary.missing, [], 'every action taken');
  t.ok(r.summary.traces <= 20, `${r.summary.traces} traces`);
  const doc = JSON.parse(fs.readFileSync(r.files.at(-1) ?? '', 'utf8')) as { '#meta': { raftref: { generator: Record<string, unknown> } } };
  t.match(doc['#meta'].raftref.generator, { mode: 'coverage', cfg: path.relative(process.cwd(), path.join(FIXTURES, 'MCRaft2Dup.cfg')), skip: Array, round: Number });
});

t.test('coverage mode: the same bytes whatever the number of jobs (counts and archive change between rounds only)', async (t) => {
  const dir = t.testdir({ a: {}, b: {} });
  const o = { mode: 'coverage', count: 6, maxCount: 6, depth: 10, minDepth: 4, roundSize: 2 } as const;
  const a = await generateTraces(base(path.join(dir, 'a'), o));
  const b = await generateTraces(base(path.join(dir, 'b'), { ...o, jobs: 2 }));
  t.ok(a.files.length >= 6);
  t.same(read(b.files), read(a.files));
  t.ok(read(a.files).some((x) => /"prefix": \{"trace":"MCRaft2-coverage-s11-000\d\.itf\.json","steps":\d+\}/.test(x)), 'some walks start from an archived cell');
});

t.test('coverage mode stops at --max-count and names what is missing', async (t) => {
  const r = await generateTraces(base(t.testdir(), { mode: 'coverage', count: 1, depth: 4, maxCount: 2, roundSize: 1 }));
  t.equal(r.summary.traces, 2);
  t.ok(r.summary.missing.includes('AdvanceCommitIndex'), 'no commit in 4 steps');
  t.ok(r.summary.missing.includes('DuplicateMessage'), 'MaxCopies = 1: never');
});

t.test('bad input is a UserError', async (t) => {
  const out = t.testdir();
  await t.rejects(generateTraces(base(out, { models: ['MCNope'] })), UserError);
  await t.rejects(generateTraces(base(out, { count: 0 })), /--count: must be an integer in \[1, 100000\], not 0/);
  await t.rejects(generateTraces(base(out, { depth: 2.5 })), /--depth/);
  await t.rejects(generateTraces(base(out, { minDepth: 20 })), /--min-depth: 20 is above --depth 12/);
  await t.rejects(generateTraces(base(out, { seed: -1 })), /--seed/);
  await t.rejects(generateTraces(base(out, { weights: ['Nope=1'] })), /Nope is not an action/);
  await t.rejects(generateTraces(base(out, { weights: ['Timeout=-1'] })), /--weight: must be a decimal number in \[0, 1000\]/);
  await t.rejects(generateTraces(base(out, { skip: ['Timeout'] })), /--skip is for --mode coverage/);
  await t.rejects(generateTraces(base(out, { mode: 'coverage', skip: ['X-9'] })), /neither an action/);
  await t.rejects(generateTraces(base(out, { models: ['MCRaft2', 'MCRaft3'], cfg: 'x.cfg' })), /--cfg needs exactly one --model/);
  const file = path.join(out, 'a-file');
  fs.writeFileSync(file, '');
  await t.rejects(generateTraces(base(path.join(file, 'sub'))), /a-file\/sub: not found: a path component is not a directory — pass a writable directory as --out/);
  await t.rejects(generateTraces(base(out, { count: 100_001 })), /--count: must be an integer in \[1, 100000\]/);
  await t.rejects(generateTraces(base(out, { weights: Object.keys(DEFAULT_WEIGHTS).map((a) => `${a}=0`) })), /--weight: every action has weight 0: no step can be taken/);
});
