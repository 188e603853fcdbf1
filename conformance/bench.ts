// bench: replay speed. Replays the traces under the given paths (default
// traces/, if it holds any) or, without traces, a synthetic corpus: seeded
// random walks of src/ itself written as ITF (they conform by
// construction; they measure speed, not correctness). Prints steps per
// second for the replay of decoded traces, for parsing and decoding, and
// end to end (replayFiles, what `raftref replay` does without
// --check-enabled: find, read, parse, decode, replay), each the median of
// several rounds, with the machine's load (other processes slow it down)
// and, for end to end, the rate on this process's CPU time too.
//   node dist/conformance/bench.js [--rounds N] [--traces N] [--depth N] [PATH...]
import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Message, NodeId, NodeState } from '../src/index.js';
import { applyPersist, MemoryStorage } from '../src/index.js';
import { SRC_ACTIONS } from './actions.js';
import { findTraces } from './files.js';
import { parseTrace } from './itf/read.js';
import { keyOf } from './message-key.js';
import { replayTrace } from './replay.js';
import { replayFiles } from './run.js';
import { Scenario, type E, type Msg, type State } from './scenario.js';
import { defaultSpecFile, specHashOf } from './spec-hash.js';
import type { Trace } from './trace.js';

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** stateOf: the cluster as the spec's variables. */
function stateOf(servers: readonly NodeId[], nodes: ReadonlyMap<NodeId, NodeState>, bag: ReadonlyMap<string, { m: Message; copies: number }>): State {
  const per = <A>(f: (n: NodeState, i: NodeId) => A): Record<string, A> => Object.fromEntries(servers.map((i) => [i, f(nodes.get(i) as NodeState, i)]));
  const peers = (i: NodeId, f: (j: NodeId) => number): Record<string, number> => Object.fromEntries(servers.filter((j) => j !== i).map((j) => [j, f(j)]));
  return {
    currentTerm: per((n) => n.currentTerm),
    votedFor: per((n) => n.votedFor ?? 'Nil'),
    log: per((n) => n.log.map((e): E => [e.term, e.value])),
    state: per((n) => n.role),
    commitIndex: per((n) => n.commitIndex),
    lastApplied: per((n) => n.lastApplied),
    votesGranted: per((n) => (n.role === 'Candidate' ? [...n.votesGranted] : [])),
    nextIndex: per((n, i) => peers(i, (j) => (n.role === 'Leader' ? (n.nextIndex.get(j) ?? 1) : 1))),
    matchIndex: per((n, i) => peers(i, (j) => (n.role === 'Leader' ? (n.matchIndex.get(j) ?? 0) : 0))),
    messages: [...bag.values()].map(({ m, copies }) => ({ m: plain(m), copies })),
  };
}

function plain(m: Message): Msg {
  return m.type === 'AppendEntriesRequest' ? { ...m, entries: m.entries.map((e): E => [e.term, e.value]) } : { ...m };
}

/** walk: one random walk of src/ over servers s1..sN, as a hand-style scenario. */
function walk(size: number, depth: number, seed: number): Scenario {
  const random = prng(seed);
  const servers = Array.from({ length: size }, (_, k) => `s${k + 1}` as NodeId);
  const config = new Set(servers);
  const storage = new Map(servers.map((i) => [i, new MemoryStorage()]));
  const nodes = new Map<NodeId, NodeState>();
  for (const i of servers) {
    const r = SRC_ACTIONS.restart({ id: i, servers: config }, storage.get(i) as MemoryStorage);
    if (r.enabled) nodes.set(i, r.state);
  }
  const bag = new Map<string, { m: Message; copies: number }>();
  const scenario = new Scenario(servers, ['v1', 'v2']);
  type Move = { readonly name: string; readonly args: readonly unknown[]; readonly run: () => boolean };
  for (let step = 0; step < depth; step++) {
    const moves: Move[] = [];
    for (const i of servers) {
      const n = nodes.get(i) as NodeState;
      const act = (name: string, args: readonly unknown[], f: () => ReturnType<typeof SRC_ACTIONS.timeout>): void => {
        moves.push({
          name,
          args,
          run: () => {
            const r = f();
            if (!r.enabled) return false;
            applyPersist(storage.get(i) as MemoryStorage, r.outputs.persist);
            nodes.set(i, r.state);
            for (const m of r.outputs.send) {
              const e = bag.get(keyOf(m));
              if (e === undefined) bag.set(keyOf(m), { m, copies: 1 });
              else e.copies += 1;
            }
            return true;
          },
        });
      };
      if (n.currentTerm < 4) act('Timeout', [i], () => SRC_ACTIONS.timeout(n));
      for (const j of servers) act('RequestVote', [i, j], () => SRC_ACTIONS.requestVote(n, j));
      act('BecomeLeader', [i], () => SRC_ACTIONS.becomeLeader(n));
      if (n.log.length < 4) act('ClientRequest', [i, 'v1'], () => SRC_ACTIONS.clientRequest(n, 'v1'));
      for (const j of servers) for (let k = 0; k <= 2; k++) act('AppendEntries', [i, j, k], () => SRC_ACTIONS.appendEntries(n, j, k));
      act('AdvanceCommitIndex', [i], () => SRC_ACTIONS.advanceCommitIndex(n));
      act('ApplyEntry', [i], () => SRC_ACTIONS.applyEntry(n));
      if (random() < 0.05) act('Restart', [i], () => SRC_ACTIONS.restart({ id: i, servers: config }, storage.get(i) as MemoryStorage));
    }
    // Bound the network (as the models' MaxMessages does): when it is full, only the network's
    // messages move.
    const inFlight = [...bag.values()].reduce((a, e) => a + e.copies, 0);
    if (inFlight >= 4) moves.length = 0;
    for (const [key, { m }] of bag) {
      const i = m.to;
      const r = SRC_ACTIONS.receive(nodes.get(i) as NodeState, m);
      if (r.enabled) {
        moves.push({
          name: r.action,
          args: [plain(m)],
          run: () => {
            if (r.action !== 'UpdateTerm') discardKey(bag, key);
            applyPersist(storage.get(i) as MemoryStorage, r.outputs.persist);
            nodes.set(i, r.state);
            for (const s of r.outputs.send) {
              const e = bag.get(keyOf(s));
              if (e === undefined) bag.set(keyOf(s), { m: s, copies: 1 });
              else e.copies += 1;
            }
            return true;
          },
        });
      }
      if (random() < 0.1) moves.push({ name: 'DropMessage', args: [plain(m)], run: () => (discardKey(bag, key), true) });
    }
    // Take a random enabled move (the disabled ones are skipped).
    for (let tries = 0; tries < 50 && moves.length > 0; tries++) {
      const k = Math.floor(random() * moves.length);
      const move = moves[k] as Move;
      if (move.run()) {
        const s = stateOf(servers, nodes, bag);
        scenario.step(move.name, move.args, (x) => Object.assign(x, s));
        break;
      }
      moves.splice(k, 1);
    }
  }
  return scenario;
}

function discardKey(bag: Map<string, { m: Message; copies: number }>, key: string): void {
  const e = bag.get(key);
  if (e === undefined) return;
  if (e.copies > 1) e.copies -= 1;
  else bag.delete(key);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { rounds: { type: 'string', default: '7' }, traces: { type: 'string', default: '200' }, depth: { type: 'string', default: '100' } },
  });
  const rounds = Number(values.rounds);
  const hash = specHashOf(defaultSpecFile());
  const paths = positionals.length > 0 ? positionals : fs.existsSync('traces') ? ['traces'] : [];
  const found = findTraces(paths);
  if (positionals.length > 0 && found.errors.length > 0) {
    for (const e of found.errors) console.error(`bench: ${e.file}: ${e.what}`);
    process.exitCode = 2;
    return;
  }
  const cpuMs = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  // End to end first, from the files, as `raftref replay` runs: nothing else held in memory.
  const endToEnd: number[] = [];
  const endToEndCpu: number[] = [];
  for (let round = 0; round < (found.files.length > 0 ? rounds : 0); round++) {
    const wall = performance.now();
    const cpu = cpuMs();
    const r = replayFiles(paths, { reproDir: null });
    if (r.exitCode !== 0) throw new Error(`end to end: exit code ${r.exitCode}`);
    endToEnd.push(r.steps / ((performance.now() - wall) / 1000));
    endToEndCpu.push(r.steps / ((cpuMs() - cpu) / 1000));
  }

  let texts = found.files.map((f) => ({ file: f, text: fs.readFileSync(f, 'utf8') }));
  let source = paths.join(' ');
  if (texts.length === 0) {
    const n = Number(values.traces);
    source = `synthetic: ${n} random walks of src/ (3 servers, depth ${values.depth})`;
    texts = Array.from({ length: n }, (_, k) => ({ file: `synthetic-${k}.itf.json`, text: JSON.stringify(walk(3, Number(values.depth), k + 1).toItf(hash, 'synthetic', `walk ${k}`)) }));
  }
  const decode = (): Trace[] =>
    texts.map(({ file, text }) => {
      const d = parseTrace(text, file, hash);
      if (!d.ok) throw new Error(`${d.error.file}: ${d.error.what}`);
      return d.trace;
    });
  const traces = decode();
  const bytes = texts.reduce((a, t) => a + t.text.length, 0);
  const steps = traces.reduce((a, t) => a + t.steps.length - 1, 0);
  console.log(`corpus: ${source}: ${traces.length} traces, ${steps} steps, ${(bytes / 1e6).toFixed(1)} MB; ${os.cpus().length} CPUs, load ${os.loadavg()[0]?.toFixed(1)}`);
  const rates = { replay: [] as number[], checkEnabled: [] as number[], parseTrace: [] as number[], jsonParse: [] as number[], inMemory: [] as number[] };
  const timed = (f: () => void): number => {
    const t = performance.now();
    f();
    return steps / ((performance.now() - t) / 1000);
  };
  for (let round = 0; round < rounds; round++) {
    rates.replay.push(
      timed(() => {
        for (const trace of traces) {
          const r = replayTrace(trace);
          if (r.divergence !== undefined) throw new Error(`${trace.file} diverges at step ${r.divergence.step}: ${r.divergence.reason}`);
        }
      }),
    );
    rates.checkEnabled.push(timed(() => traces.forEach((trace) => replayTrace(trace, { checkEnabled: true }))));
    rates.parseTrace.push(timed(() => void decode()));
    rates.jsonParse.push(timed(() => texts.forEach((t) => JSON.parse(t.text) as unknown)));
    if (endToEnd.length === 0) rates.inMemory.push(timed(() => decode().forEach((trace) => replayTrace(trace))));
  }
  const show = (xs: readonly number[]): string => `${median(xs).toFixed(0).padStart(7)} steps/s (median of ${xs.length}; min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
  const row = (what: string, xs: readonly number[]): void => console.log(`${`${what}:`.padEnd(46)}${show(xs)}`);
  row('replay of decoded traces', rates.replay);
  row('replay with --check-enabled', rates.checkEnabled);
  row('parseTrace (shared parse + decode)', rates.parseTrace);
  if (endToEnd.length > 0) {
    row('end to end (read + parse + decode + replay)', endToEnd);
    row("  the same on this process's CPU time", endToEndCpu);
  } else row('end to end from text in memory', rates.inMemory);
  row('for scale, JSON.parse of the text', rates.jsonParse);
  const target = 50_000;
  const e2e = median(endToEnd.length > 0 ? endToEnd : rates.inMemory);
  console.log(`end to end ${e2e > target ? 'exceeds' : 'does NOT exceed'} ${target} steps/s (median, wall clock; load now ${os.loadavg()[0]?.toFixed(1)})`);
}

main();
