// spec-behaviour: is a trace a behaviour of spec/Raft.tla? Walks it through
// the embedded checker's stepping API (conformance/tla/label.ts: successors
// labelled with the action and its arguments) on a model without its
// bounds, so that a successor is exactly a step of Next: state 0 must be an
// initial state, and for every k the action of state k's #meta, with its
// arguments, must be among the labelled successors of state k-1, and that
// successor must equal state k on every spec variable (the bag included).
//
// The hand-written traces (conformance/scenario.ts) are the author's
// reading of the spec; this is what holds them to it. enabled-spec.ts walks
// corpus traces with the same walk.
import path from 'node:path';
import type { CfgConstant, CfgValue } from './tla/cfg.js';
import { type Step, Stepper } from './tla/label.js';
import { type LoadedModel, loadModel } from './tla/model.js';
import { canonical, fromTla, type Itf, type ItfRecord, type ItfState, intOf, isMap, isRecord, isSeq, isSet, isTup, itfKey } from './itf/value.js';
import { stateFromTla } from './generate/raft-state.js';
import type { Message } from '../src/index.js';
import { formatMessage } from './format.js';
import { decodeTrace } from './itf/read.js';
import { repoDir } from './spec-hash.js';
import type { Constants } from './trace.js';

/** unbounded: the model without its bounds: its successors are Next's steps. */
export function unbounded(model: LoadedModel): LoadedModel {
  return { ...model, cfg: { ...model.cfg, constraints: [], actionConstraints: [] } };
}

/** TraceJson: what the walk reads of a parsed trace file. */
export type TraceJson = { readonly states: readonly Record<string, unknown>[] };

/** traceState: state k of a trace file, canonical, without its #meta. */
export function traceState(json: TraceJson, k: number): ItfState {
  const { ['#meta']: _, ...state } = (json.states[k] ?? {}) as Record<string, unknown>;
  return canonical(state as ItfState) as ItfState;
}

type Meta = { readonly action?: unknown; readonly args?: unknown };

/** Failure: where a trace leaves the spec: the file, the state, the action that leads to it, what differs. */
export type Failure = { readonly file: string; readonly state: number; readonly action: string; readonly what: string };

export function formatFailure(f: Failure): string {
  return `${f.file}: state ${f.state} (${f.action}): ${f.what}`;
}

/** Visit: the labelled successors of state k (for callers that look at every state on the way). */
export type Visit = (k: number, successors: readonly Step[]) => void;

/**
 * walkBehaviour: checks the first `states` states of a trace (all by
 * default) against the spec; undefined if they are a behaviour, else the
 * first failure. With `visit`, the successors of each of those states,
 * the last one included, are handed to it.
 */
export function walkBehaviour(stepper: Stepper, vars: readonly string[], file: string, json: TraceJson, options: { readonly states?: number; readonly visit?: Visit } = {}): Failure | undefined {
  const n = Math.min(options.states ?? json.states.length, json.states.length);
  if (n === 0) return undefined;
  // Canonical on both sides: stateFromTla keeps the order of `vars`, canonical sorts them.
  const checker = (s: Step): ItfState => canonical(stateFromTla(s.state, vars)) as ItfState;
  const want0 = traceState(json, 0);
  const initial = stepper.initialStates();
  let current = initial.find((s) => itfKey(checker(s)) === itfKey(want0));
  if (current === undefined) {
    const what = initial.length === 1 ? `not the initial state of the spec: ${diffStates(want0, checker(initial[0] as Step)).join('; ')}` : `not one of the ${initial.length} initial states of the spec`;
    return { file, state: 0, action: 'Init', what };
  }
  // States to expand: each one before the last, and the last too for `visit`.
  const expand = options.visit === undefined ? n - 1 : n;
  for (let k = 0; k < expand; k++) {
    const successors = stepper.successors(current.state);
    options.visit?.(k, successors);
    if (k + 1 === n) break;
    // Step k+1: the trace's action instance among the successors, compared as canonical values.
    const meta = (json.states[k + 1]?.['#meta'] ?? {}) as Meta;
    const args = (Array.isArray(meta.args) ? (meta.args as Itf[]) : []).map(canonical);
    const wanted = itfKey([String(meta.action), ...args]);
    const label = instance(String(meta.action), args);
    const same = successors.filter((s) => itfKey([s.action.name, ...s.action.args.map(fromTla)]) === wanted);
    if (same.length === 0) {
      const there = successors.map((s) => instance(s.action.name, s.action.args.map(fromTla)));
      return { file, state: k + 1, action: label, what: `not enabled in state ${k}; the spec's ${there.length} successors there: ${there.join(', ')}` };
    }
    const want = traceState(json, k + 1);
    current = same.find((s) => itfKey(checker(s)) === itfKey(want));
    if (current === undefined) {
      return { file, state: k + 1, action: label, what: `the spec's step leads elsewhere: ${diffStates(want, checker(same[0] as Step)).join('; ')}` };
    }
  }
  return undefined;
}

/** instance: `Name(arg, ...)`, each argument as text (a message as formatMessage prints it). */
export function instance(name: string, args: readonly Itf[]): string {
  return `${name}(${args.map(show).join(', ')})`;
}

/**
 * diffStates: the spec variables on which two canonical states differ,
 * down to the entry of a function (`currentTerm[s2]: trace 2, spec 1`;
 * for the bag, the copies of a message).
 */
export function diffStates(trace: ItfState, spec: ItfState): string[] {
  const out: string[] = [];
  for (const v of Object.keys({ ...trace, ...spec })) diffValue(v, trace[v], spec[v], out);
  return out;
}

function diffValue(at: string, a: Itf | undefined, b: Itf | undefined, out: string[]): void {
  if (a !== undefined && b !== undefined && itfKey(a) === itfKey(b)) return;
  if (a !== undefined && b !== undefined && isMap(a) && isMap(b)) {
    const entries = (m: typeof a): Map<string, readonly [Itf, Itf]> => new Map(m['#map'].map((p) => [itfKey(p[0]), p]));
    const ea = entries(a);
    const eb = entries(b);
    for (const key of new Set([...ea.keys(), ...eb.keys()])) {
      const k = (ea.get(key) ?? eb.get(key) as readonly [Itf, Itf])[0];
      diffValue(`${at}[${show(k)}]`, ea.get(key)?.[1], eb.get(key)?.[1], out);
    }
    return;
  }
  const text = (v: Itf | undefined): string => (v === undefined ? '(absent)' : show(v));
  out.push(`${at}: trace ${text(a)}, spec ${text(b)}`);
}

/** show: an ITF value as short TLA+-like text: a log entry as [term 1, v1], a message as format.ts prints it. */
export function show(v: Itf): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const n = intOf(v);
  if (n !== undefined) return String(n);
  if (typeof v === 'string') return v;
  if (isSeq(v)) return `<<${v.map(show).join(', ')}>>`;
  if (isTup(v)) return `<<${v['#tup'].map(show).join(', ')}>>`;
  if (isSet(v)) return `{${v['#set'].map(show).join(', ')}}`;
  if (isMap(v)) return v['#map'].length === 0 ? '<<>>' : `(${v['#map'].map(([k, x]) => `${show(k)} :> ${show(x)}`).join(' @@ ')})`;
  const r = v as ItfRecord;
  const keys = Object.keys(r);
  if (typeof r['type'] === 'string' && typeof r['from'] === 'string' && typeof r['to'] === 'string') return formatMessage(plain(r) as Message);
  if (keys.length === 2 && 'term' in r && 'value' in r) return `[term ${show(r['term'] as Itf)}, ${show(r['value'] as Itf)}]`;
  return `[${keys.map((k) => `${k} |-> ${show(r[k] as Itf)}`).join(', ')}]`;
}

/** plain: a message's ITF record as the JSON of src/ (integers as numbers, entries as records). */
function plain(v: Itf): unknown {
  const n = intOf(v);
  if (n !== undefined) return Number(n);
  if (isSeq(v)) return v.map(plain);
  if (typeof v === 'object' && isRecord(v)) {
    // A message's term right after its addresses, as in the spec's records (canonical order is alphabetical).
    const keys = Object.keys(v).sort((a, b) => Number(b === 'term') - Number(a === 'term'));
    return Object.fromEntries(keys.map((k) => [k, plain((v as ItfRecord)[k] as Itf)]));
  }
  return v;
}

// The model of a hand-written trace. Its constants are in the trace's
// header (Server, Value; `model: "hand: 3 servers"` names no cfg), so the
// model is spec/MCRaft2.tla with MCRaft2.cfg's constants Server and Value
// replaced by the trace's, and without the bounds (unbounded) and without
// SYMMETRY (the walk compares concrete states). Any MC*.tla would do: each
// is `EXTENDS RaftModel` and nothing else, and with the bounds gone the
// cfg's other constants (MaxTerm, ...) are read by nothing; so a trace of
// any number of servers has a model, not only the 2 and 3 of the cfgs.

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** modelFor: spec/MCRaft2 with the trace's servers and values, unbounded, without SYMMETRY. */
export function modelFor(constants: Constants, specDir = path.join(repoDir(), 'spec')): LoadedModel {
  const names = [...constants.servers, ...constants.values];
  const bad = names.find((x) => !IDENTIFIER.test(x));
  if (bad !== undefined) throw new Error(`${JSON.stringify(bad)} is not a TLA+ identifier, so it cannot be a model value of the cfg`);
  const model = loadModel(path.join(specDir, 'MCRaft2.tla'), path.join(specDir, 'MCRaft2.cfg'));
  const set = (xs: readonly string[]): CfgValue => ({ kind: 'set', elems: xs.map((name) => ({ kind: 'model', name })) });
  const given: Record<string, CfgValue> = { Server: set(constants.servers), Value: set(constants.values), Nil: { kind: 'model', name: constants.nil } };
  const constantsOf = model.cfg.constants.map((c): CfgConstant => {
    const v = given[c.name];
    return v === undefined ? c : { kind: 'value', name: c.name, value: v, line: c.line };
  });
  const { symmetry: _, ...cfg } = model.cfg;
  return unbounded({ ...model, cfg: { ...cfg, constants: constantsOf } });
}

/** stepperFor: the stepping API over modelFor(constants), one per set of constants. */
export function stepperFor(constants: Constants): { readonly stepper: Stepper; readonly vars: readonly string[] } {
  const key = JSON.stringify([constants.servers, constants.values, constants.nil]);
  let s = steppers.get(key);
  if (s === undefined) {
    const model = modelFor(constants);
    s = { stepper: new Stepper(model), vars: model.combined.variables };
    steppers.set(key, s);
  }
  return s;
}

const steppers = new Map<string, { readonly stepper: Stepper; readonly vars: readonly string[] }>();

/**
 * checkTrace: a parsed trace file against the spec, with the model of its
 * header's constants (modelFor); undefined if it is a behaviour. A file
 * that does not decode (another spec hash, a malformed state) fails at the
 * state the decoder names, with action "decode".
 */
export function checkTrace(json: unknown, file: string, specHash: string): Failure | undefined {
  const decoded = decodeTrace(json, file, specHash);
  if (!decoded.ok) return { file, state: decoded.error.state ?? 0, action: 'decode', what: decoded.error.what };
  const { stepper, vars } = stepperFor(decoded.trace.constants);
  return walkBehaviour(stepper, vars, file, json as TraceJson);
}
