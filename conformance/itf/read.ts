// itf: the codecs of a raftref trace (traces/README.md): the header with
// its `raftref` block, `vars`, and the states with their `#meta` {index,
// action, args}; and decodeTrace, which turns a parsed file into a typed
// Trace or one error naming the file, the state and the JSON path.
//
// The state codecs depend on the model's constants (which servers and
// values exist), so they are built per trace by stateCodecs(constants).
import fs from 'node:fs';
import type { Entry, LogIndex, Message, NodeId, Role, Term } from '../../src/index.js';
import {
  anyValue,
  bool,
  describeFail,
  Fail,
  header,
  memo,
  ItfType,
  type Mixed,
  nat,
  oneOf,
  positive,
  record,
  refine,
  seq,
  set,
  str,
} from './codec.js';
import { keyOf } from '../message-key.js';
import { parseShared } from './parse.js';
import { checkText, lineCol } from './scan.js';
import {
  SPEC_ACTIONS,
  SPEC_VARIABLES,
  type ActionCall,
  type ArgsOf,
  type Bag,
  type Constants,
  type InFlight,
  type SpecAction,
  type SpecState,
  type SpecVariable,
  type Trace,
  type TraceStep,
} from '../trace.js';

/** FORMAT_VERSION: the `raftref.version` this replayer reads. */
export const FORMAT_VERSION = 1;

const distinct = <A>(what: string) => (xs: readonly A[]): string | undefined =>
  new Set(xs).size === xs.length ? undefined : `${what} without repeated elements`;

const ServerSet = refine(set(str), (xs) =>
  xs.length === 0 ? 'a non-empty set of server names' : xs.includes('Nil') ? 'server names other than "Nil"' : distinct('a set of server names')(xs),
);

/** Constants: the model's constants; Nil defaults to "Nil", other constants (bounds) are not read. */
const ConstantsCodec = header('constants', { Server: ServerSet, Value: refine(set(str), distinct('a set of values')) }, { Nil: str });

const SpecHash = refine(str, (s) => (/^sha256:[0-9a-f]{64}$/.test(s) ? undefined : '"sha256:" and 64 lowercase hex digits'));

/** RaftrefHeader: the `#meta.raftref` block. */
export const RaftrefHeader = header(
  'raftref header block',
  {
    version: refine(nat, (v) => (v === FORMAT_VERSION ? undefined : `format version ${FORMAT_VERSION}`)),
    specHash: SpecHash,
    constants: ConstantsCodec,
  },
  { spec: str, model: str, checker: anyValue, generator: anyValue, generatedBy: str },
);

/** TraceHeader: the top-level `#meta` of a raftref trace. */
export const TraceHeader = header('ITF header', { raftref: RaftrefHeader }, { description: str, source: str });

/** TraceShape: what makes a JSON document an ITF trace at all. */
export const TraceShape = header('ITF trace', { '#meta': anyValue, vars: seq(str), states: seq(anyValue) }, {});

function isRecord(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

/** function over exactly `domain` (a TLA+ function [domain -> V]), as a Map. */
function functionOver<V>(domain: readonly NodeId[], valueFor: (key: NodeId) => ItfType<V>, server: ItfType<NodeId>): ItfType<ReadonlyMap<NodeId, V>> {
  const names = domain.join(', ');
  const what = `function over {${names}} ({"#map": [[key, value], ...]})`;
  const codecs = new Map(domain.map((k) => [k, valueFor(k)]));
  return new ItfType<ReadonlyMap<NodeId, V>>(
    what,
    (u): u is ReadonlyMap<NodeId, V> => u instanceof Map,
    (u) => {
      const pairs = isRecord(u) ? u['#map'] : undefined;
      if (!Array.isArray(pairs) || Object.keys(u as object).length !== 1) return new Fail(what, u);
      const out = new Map<NodeId, V>();
      for (let n = 0; n < pairs.length; n++) {
        const pair: unknown = pairs[n];
        if (!Array.isArray(pair) || pair.length !== 2) return new Fail('[key, value] pair', pair).at(n).at('#map');
        const k: unknown = pair[0];
        const codec = typeof k === 'string' ? codecs.get(k as NodeId) : undefined;
        if (codec === undefined) {
          const bad = server.run(k);
          return (bad instanceof Fail ? bad : new Fail(`a key in {${names}}`, k)).at(0).at(n).at('#map');
        }
        if (out.has(k as NodeId)) return new Fail(`a key not already in the function`, k).at(0).at(n).at('#map');
        const value = codec.run(pair[1]);
        if (value instanceof Fail) return value.at(1).at(n).at('#map');
        out.set(k as NodeId, value);
      }
      if (out.size !== domain.length) {
        const missing = domain.filter((k) => !out.has(k));
        return new Fail(`${what} (missing ${missing.join(', ')})`, u);
      }
      return out;
    },
    (m) => ({ '#map': [...m].map(([k, v]) => [k, (codecs.get(k) as ItfType<V>).encode(v)]) }),
  );
}

export type StateCodecs = ReturnType<typeof stateCodecs>;

/** stateCodecs: the codecs of the spec variables, of messages and of action arguments for a model's constants. */
export function stateCodecs(constants: Constants) {
  const { servers, values, nil } = constants;
  const server = oneOf('server', servers) as unknown as ItfType<NodeId, string>;
  const value = oneOf('value', values);
  // Each codec of a part that states repeat is a memo (itf/codec.ts): decoded once per trace.
  const perServer = <V>(v: ItfType<V>) => {
    const once = memo(v);
    return memo(functionOver(servers, () => once, server));
  };
  const peerCodecs = (least: number) => {
    const index = refine(nat, (n) => (n >= least ? undefined : `integer >= ${least}`)) as unknown as ItfType<LogIndex>;
    const byServer = new Map(servers.map((i) => [i, memo(functionOver(servers.filter((j) => j !== i), () => index, server))]));
    return memo(functionOver(servers, (i) => byServer.get(i) as ItfType<ReadonlyMap<NodeId, LogIndex>>, server));
  };

  const term = nat as unknown as ItfType<Term>;
  const index = nat as unknown as ItfType<LogIndex>;
  const entry = record('entry', { term, value }) as unknown as ItfType<Entry>;
  const log = seq(entry);
  const votedFor = new ItfType<NodeId | null, string>(
    'server or Nil',
    (u): u is NodeId | null => u === null || server.is(u),
    (u) => (u === nil ? null : typeof u === 'string' && servers.includes(u as NodeId) ? (u as NodeId) : new Fail(`server (${servers.join(', ')}) or ${JSON.stringify(nil)}`, u)),
    (v) => (v === null ? nil : v),
  );
  const role = oneOf<Role>('role', ['Follower', 'Candidate', 'Leader']);
  const serverSet = refine(set(server), distinct('a set of servers'));
  const votes = new ItfType<ReadonlySet<NodeId>>(
    'set of servers',
    (u): u is ReadonlySet<NodeId> => u instanceof Set,
    (u) => {
      const r = serverSet.run(u);
      return r instanceof Fail ? r : new Set(r);
    },
    (s) => serverSet.encode([...s]),
  );

  const common = { from: server, to: server, term };
  const byType = {
    RequestVoteRequest: record('RequestVoteRequest', {
      type: oneOf('message type', ['RequestVoteRequest']),
      ...common,
      candidateId: server,
      lastLogIndex: index,
      lastLogTerm: term,
    }),
    RequestVoteResponse: record('RequestVoteResponse', {
      type: oneOf('message type', ['RequestVoteResponse']),
      ...common,
      voteGranted: bool,
    }),
    AppendEntriesRequest: record('AppendEntriesRequest', {
      type: oneOf('message type', ['AppendEntriesRequest']),
      ...common,
      leaderId: server,
      prevLogIndex: index,
      prevLogTerm: term,
      entries: log,
      leaderCommit: index,
    }),
    AppendEntriesResponse: record('AppendEntriesResponse', {
      type: oneOf('message type', ['AppendEntriesResponse']),
      ...common,
      success: bool,
      prevLogIndex: index,
      matchIndex: index,
    }),
  } as const;
  const messageTypes = Object.keys(byType).map((k) => JSON.stringify(k)).join(', ');
  const message = memo(new ItfType<InFlight>(
    'message',
    (u): u is InFlight => isRecord(u) && typeof u['key'] === 'string',
    (u) => {
      if (!isRecord(u)) return new Fail('message (a record)', u);
      const type = u['type'];
      const codec = typeof type === 'string' && Object.hasOwn(byType, type) ? (byType as Record<string, Mixed>)[type] : undefined;
      if (codec === undefined) return new Fail(`message type (${messageTypes})`, type).at('type');
      const m = codec.run(u);
      return m instanceof Fail ? m : { key: keyOf(m), message: m as Message };
    },
    (m) => (byType[m.message.type] as Mixed).encode(m.message),
  ));
  // A [message, copies] pair of the bag: the pair repeats from state to state, so it is a memo too.
  type BagEntry = { readonly key: string; readonly entry: { readonly message: Message; readonly copies: number } };
  const bagPair = memo(
    new ItfType<BagEntry>(
      '[message, copies] pair',
      (u): u is BagEntry => isRecord(u) && typeof u['key'] === 'string',
      (u) => {
        if (!Array.isArray(u) || u.length !== 2) return new Fail('[key, value] pair', u);
        const m = message.run(u[0]);
        if (m instanceof Fail) return m.at(0);
        const copies = positive.run(u[1]);
        if (copies instanceof Fail) return copies.at(1);
        return { key: m.key, entry: { message: m.message, copies } };
      },
      (p) => [message.encode({ key: p.key, message: p.entry.message }), positive.encode(p.entry.copies)],
    ),
  );
  const bagWhat = `function ({"#map": [[key, value], ...]}) from ${message.name} to ${positive.name}`;
  const messages = memo(
    new ItfType<Bag>(
      'bag of messages',
      (u): u is Bag => u instanceof Map,
      (u) => {
        const pairs = isRecord(u) ? u['#map'] : undefined;
        if (!Array.isArray(pairs) || Object.keys(u as object).length !== 1) return new Fail(bagWhat, u);
        const bag = new Map<string, { message: Message; copies: number }>();
        for (let n = 0; n < pairs.length; n++) {
          const p = bagPair.run(pairs[n]);
          if (p instanceof Fail) return p.at(n).at('#map');
          if (bag.has(p.key)) return new Fail('a message not already in the bag', (pairs[n] as unknown[])[0]).at(0).at(n).at('#map');
          bag.set(p.key, p.entry);
        }
        return bag;
      },
      (b) => ({ '#map': [...b].map(([key, entry]) => bagPair.encode({ key, entry })) }),
    ),
  );

  const variables = {
    currentTerm: perServer(term),
    votedFor: perServer(votedFor),
    log: perServer(log),
    state: perServer(role),
    commitIndex: perServer(index),
    lastApplied: perServer(index),
    votesGranted: perServer(votes),
    nextIndex: peerCodecs(1),
    matchIndex: peerCodecs(0),
    messages,
  } satisfies { readonly [V in keyof SpecState]: ItfType<SpecState[V]> };

  const i = server;
  const n = nat;
  const args: { readonly [A in SpecAction]: readonly Mixed[] } = {
    Restart: [i],
    Timeout: [i],
    RequestVote: [i, i],
    BecomeLeader: [i],
    ClientRequest: [i, value],
    AppendEntries: [i, i, n],
    AdvanceCommitIndex: [i],
    ApplyEntry: [i],
    UpdateTerm: [message],
    HandleRequestVoteRequest: [message],
    HandleRequestVoteResponse: [message],
    HandleAppendEntriesRequest: [message],
    HandleAppendEntriesResponse: [message],
    DropStaleResponse: [message],
    DropMessage: [message],
    DuplicateMessage: [message],
  };
  return { server, message, entry, variables, args };
}

/** TraceError: why a file is not a usable trace. */
export type TraceError = {
  readonly file: string;
  /** The state the problem is in, if it is in one. */
  readonly state: number | undefined;
  /** One line: `$.path: expected X, got Y`, or what else is wrong. */
  readonly what: string;
  /** Where in the text (1-based line and column, in UTF-16 units), for a problem found in the text itself. */
  readonly line?: number;
  readonly col?: number;
  /** What to do about it. */
  readonly todo: string;
};

/** formatTraceError: one line, `<file>: state <k>: <what>`, or `<file>:<line>:<col>: <what>` for a problem found in the text. */
export function formatTraceError(e: TraceError): string {
  if (e.line !== undefined) return `${e.file}:${e.line}:${e.col ?? 1}: ${e.what}`;
  return `${e.file}: ${e.state === undefined ? '' : `state ${e.state}: `}${e.what}`;
}

const FIX = 'fix the trace or generate it again (raftref traces generate)';

type Decoded = { readonly ok: true; readonly trace: Trace } | { readonly ok: false; readonly error: TraceError };

const VARIABLE_NAMES: readonly string[] = SPEC_VARIABLES;

/** Decoded step: the step, and its variables' JSON and decoded values in SPEC_VARIABLES' order (for the next state). */
type DecodedStep = { readonly step: TraceStep; readonly raw: readonly unknown[]; readonly values: readonly unknown[] };

/** decodeStep: state k of the trace (its `#meta` and every spec variable); a Fail's path is from the state. */
function decodeStep(u: unknown, k: number, codecs: StateCodecs, previous: DecodedStep | undefined): DecodedStep | Fail {
  if (!isRecord(u)) return new Fail('state (an object)', u);
  const meta = u['#meta'];
  if (!isRecord(meta)) return new Fail('state #meta {index, action, args}', meta).at('#meta');
  const index = nat.run(meta['index']);
  if (index instanceof Fail) return index.at('index').at('#meta');
  if (index !== k) return new Fail(`${k} (the state's position in states)`, meta['index']).at('index').at('#meta');
  const name = meta['action'];
  const args = meta['args'];
  let call: ActionCall | null = null;
  if (k === 0) {
    if (name !== 'Init') return new Fail('"Init" (state 0 is an initial state)', name).at('action').at('#meta');
    if (!Array.isArray(args) || args.length !== 0) return new Fail('no arguments ([]) for Init', args).at('args').at('#meta');
  } else {
    if (typeof name !== 'string' || !Object.hasOwn(codecs.args, name)) {
      return new Fail(`an action of Next (${SPEC_ACTIONS.join(', ')})`, name).at('action').at('#meta');
    }
    const action = name as SpecAction;
    const codecs_ = codecs.args[action];
    if (!Array.isArray(args) || args.length !== codecs_.length) {
      return new Fail(`${codecs_.length} argument${codecs_.length === 1 ? '' : 's'} of ${action} (an array)`, args).at('args').at('#meta');
    }
    const decoded: unknown[] = [];
    for (let n = 0; n < codecs_.length; n++) {
      const r = (codecs_[n] as Mixed).run(args[n]);
      if (r instanceof Fail) return r.at(n).at('args').at('#meta');
      decoded.push(r);
    }
    call = { name: action, args: decoded as unknown as ArgsOf[SpecAction] } as ActionCall;
  }
  // A variable the state before also had (the same object, itf/parse.ts) is decoded already; the codecs
  // are memos, so one that an earlier state had is too.
  const raw: unknown[] = new Array<unknown>(SPEC_VARIABLES.length);
  const values: unknown[] = new Array<unknown>(SPEC_VARIABLES.length);
  for (let n = 0; n < SPEC_VARIABLES.length; n++) {
    const v = SPEC_VARIABLES[n] as SpecVariable;
    const value = u[v];
    if (value === undefined) return new Fail(`variable ${v} (every state carries every variable)`, value).at(v);
    raw[n] = value;
    if (previous !== undefined && previous.raw[n] === value) {
      values[n] = previous.values[n];
      continue;
    }
    const r = (codecs.variables[v] as Mixed).run(value);
    if (r instanceof Fail) return r.at(v);
    values[n] = r;
  }
  let members = 0;
  for (const _ in u) members += 1;
  if (members !== VARIABLE_NAMES.length + 1) {
    for (const key in u) {
      if (key !== '#meta' && !VARIABLE_NAMES.includes(key)) {
        return new Fail(`no such variable (the variables are ${SPEC_VARIABLES.join(', ')})`, u[key]).at(key);
      }
    }
  }
  return { step: { index: k, call, state: specState(values) }, raw, values };
}

/** specState: the spec variables, in SPEC_VARIABLES' order, as a SpecState (one object literal: one shape for every state). */
function specState(v: readonly unknown[]): SpecState {
  const [currentTerm, votedFor, log, state, commitIndex, lastApplied, votesGranted, nextIndex, matchIndex, messages] = v as [
    SpecState['currentTerm'], SpecState['votedFor'], SpecState['log'], SpecState['state'], SpecState['commitIndex'],
    SpecState['lastApplied'], SpecState['votesGranted'], SpecState['nextIndex'], SpecState['matchIndex'], SpecState['messages'],
  ];
  return { currentTerm, votedFor, log, state, commitIndex, lastApplied, votesGranted, nextIndex, matchIndex, messages };
}

/**
 * decodeTrace: a parsed file as a typed trace, or the first problem found.
 * `specHash` is "sha256:<hex>" of the spec the replayer checks against; a
 * trace of another version of the spec is not replayed.
 */
export function decodeTrace(json: unknown, file: string, specHash: string): Decoded {
  const fail = (what: string, todo = FIX, state?: number): Decoded => ({ ok: false, error: { file, state, what, todo } });
  const shape = TraceShape.run(json);
  if (shape instanceof Fail) return fail(`not an ITF trace: ${describeFail(shape)}`, 'replay only ITF traces (*.itf.json, traces/README.md)');
  const head = TraceHeader.run(shape['#meta']);
  if (head instanceof Fail) return fail(`not a raftref trace: ${describeFail(head.at('#meta'))}`);
  const { raftref } = head;
  if (raftref.specHash !== specHash) {
    return fail(
      `$.#meta.raftref.specHash: the trace is of spec ${raftref.specHash}, but spec/Raft.tla is now ${specHash}`,
      'generate the trace again from the current spec (raftref traces generate)',
    );
  }
  const vars = new Set(shape.vars);
  const twice = shape.vars.find((v, k) => shape.vars.indexOf(v) !== k);
  if (twice !== undefined) return fail(`$.vars[${shape.vars.lastIndexOf(twice)}]: variable ${JSON.stringify(twice)} listed twice`);
  const missing = SPEC_VARIABLES.filter((v) => !vars.has(v));
  const extra = shape.vars.filter((v) => !(SPEC_VARIABLES as readonly string[]).includes(v));
  if (missing.length > 0 || extra.length > 0) {
    const what = [missing.length > 0 ? `missing ${missing.join(', ')}` : '', extra.length > 0 ? `unknown ${extra.join(', ')}` : ''].filter((s) => s !== '');
    return fail(`$.vars: expected the variables of spec/Raft.tla (${SPEC_VARIABLES.join(', ')}): ${what.join('; ')}`);
  }
  if (shape.states.length === 0) return fail('$.states: expected at least the initial state, got []');
  const c = raftref.constants;
  const constants: Constants = {
    servers: c.Server as readonly NodeId[],
    values: c.Value,
    nil: c.Nil ?? 'Nil',
  };
  if (constants.servers.includes(constants.nil as NodeId)) {
    return fail(`$.#meta.raftref.constants.Server: a server is named like Nil (${JSON.stringify(constants.nil)})`);
  }
  const codecs = stateCodecs(constants);
  const steps: TraceStep[] = [];
  let previous: DecodedStep | undefined;
  for (let k = 0; k < shape.states.length; k++) {
    const decoded = decodeStep(shape.states[k], k, codecs, previous);
    if (decoded instanceof Fail) return fail(describeFail(decoded.at(k).at('states')), FIX, k);
    steps.push(decoded.step);
    previous = decoded;
  }
  return {
    ok: true,
    trace: {
      file,
      model: raftref.model ?? '(unnamed model)',
      description: head.description ?? '',
      constants,
      steps,
      json,
    },
  };
}

/** NOT_A_TRACE: what to do about a file that is not a trace's text at all. */
const NOT_A_TRACE = 'replay only ITF traces (*.itf.json, traces/README.md)';

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** readTrace: a trace file, read, decoded as UTF-8, parsed and decoded; a file that cannot be read is unusable too. */
export function readTrace(file: string, specHash: string): Decoded {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, error: { file, state: undefined, what: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, todo: 'check the path' } };
  }
  const text = textOf(bytes, file);
  return typeof text === 'string' ? parseTrace(text, file, specHash) : { ok: false, error: text };
}

/** textOf: the bytes of a trace file as text; they must be UTF-8, without a byte order mark. */
export function textOf(bytes: Uint8Array, file: string): string | TraceError {
  const error = (what: string, line?: number, col?: number): TraceError =>
    ({ file, state: undefined, what, todo: 'write the trace as UTF-8 JSON (traces/README.md)', ...(line === undefined ? {} : { line, col: col ?? 1 }) });
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return error(`encoded in UTF-16 (byte order mark ${bytes[0] === 0xff ? 'FF FE' : 'FE FF'}), not UTF-8`);
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return error('starts with a UTF-8 byte order mark (EF BB BF), which JSON does not allow', 1, 1);
  try {
    return UTF8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let lineStart = 0;
    let line = 1;
    for (let k = 0; k < at; k++) {
      if (bytes[k] === 10) {
        line += 1;
        lineStart = k + 1;
      }
    }
    const col = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, at)).length + 1;
    return error(`invalid UTF-8: byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')} at byte offset ${at}`, line, col);
  }
}

/** firstInvalidUtf8: the offset where the first ill-formed UTF-8 sequence starts (bytes.length if none). */
function firstInvalidUtf8(b: Uint8Array): number {
  let k = 0;
  while (k < b.length) {
    const c = b[k] as number;
    if (c < 0x80) {
      k += 1;
      continue;
    }
    // Lead byte: the sequence length and the range of the second byte (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 2;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 3;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 4;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return k;
    for (let j = 1; j < n; j++) {
      const x = b[k + j];
      if (x === undefined) return k;
      if (j === 1 ? x < lo || x > hi : x < 0x80 || x > 0xbf) return k;
    }
    k += n;
  }
  return k;
}

/**
 * parseTrace: the text of a file, checked (itf/scan.ts: strict JSON, bounded
 * nesting, no repeated member, integers written as integers), parsed and
 * decoded. Consecutive states share what did not change (parseShared), so
 * each value is decoded once; text that parseShared does not take is parsed
 * by JSON.parse. It returns an error for any text and never throws.
 */
export function parseTrace(text: string, file: string, specHash: string): Decoded {
  // parseShared takes only strict text (itf/parse.ts); for anything else, the whole text is checked.
  let json: unknown = parseShared(text);
  if (json === undefined) {
    const problem = checkText(text);
    if (problem !== undefined) {
      const { line, col } = lineCol(text, problem.offset);
      const what = problem.what === 'empty file' ? problem.what : `${problem.path}: ${problem.what}`;
      return { ok: false, error: { file, state: problem.state, line, col, what, todo: NOT_A_TRACE } };
    }
  }
  try {
    json ??= JSON.parse(text);
  } catch (e) {
    // checkText takes only JSON, so this is not expected; still one line.
    return { ok: false, error: { file, state: undefined, what: `not JSON: ${oneLine(e)}`, todo: NOT_A_TRACE } };
  }
  try {
    return decodeTrace(json, file, specHash);
  } catch (e) {
    return { ok: false, error: { file, state: undefined, what: `internal error while decoding: ${oneLine(e)}`, todo: 'report this as a bug of the trace reader' } };
  }
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
}
