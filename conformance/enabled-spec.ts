// enabled-spec: checks the guards transcribed in enabled.ts against the
// spec itself. Walks corpus traces through the embedded checker's stepping
// API (conformance/tla/label.ts: successors labelled with the action and its
// arguments) on the model without its bounds (CONSTRAINT and
// ACTION_CONSTRAINT dropped, so a successor is exactly a step of Next),
// and compares, in every state on the way, the action instances the
// checker finds enabled with the ones the transcribed guards enable.
import type { Message } from '../src/index.js';
import { type Step, Stepper } from './tla/label.js';
import { loadModel } from './tla/model.js';
import type { TlaValue } from './tla/value.js';
import { enabledInstances, type Guards, type Instance, SPEC_GUARDS } from './enabled.js';
import { keyOf } from './message-key.js';
import { formatFailure, type TraceJson, unbounded, walkBehaviour } from './spec-behaviour.js';
import type { Constants, SpecState, Trace, TraceStep } from './trace.js';

/** stepperOf: the stepping API over spec/<model>.tla without its bounds. */
export function stepperOf(mcPath: string, cfgPath: string): { readonly stepper: Stepper; readonly vars: readonly string[] } {
  const model = loadModel(mcPath, cfgPath);
  return { stepper: new Stepper(unbounded(model)), vars: model.combined.variables };
}

/** plain: a checker value as JSON: model values as their names, sequences as arrays, records as objects. */
function plain(v: TlaValue): unknown {
  if (typeof v !== 'object') return v;
  if (Array.isArray(v)) return (v as readonly TlaValue[]).map(plain);
  const o = v as { readonly [k: string]: TlaValue };
  const keys = Object.keys(o);
  if (keys.length === 1 && typeof o['__model'] === 'string') return o['__model'];
  if (keys.length === 1 && Array.isArray(o['__tuple'])) return (o['__tuple'] as readonly TlaValue[]).map(plain);
  return Object.fromEntries(keys.map((k) => [k, plain(o[k] as TlaValue)]));
}

const argKey = (a: unknown): string => (typeof a === 'object' && a !== null ? keyOf(a as Message) : String(a));

/** instanceKey: `Name(arg, ...)`, a message argument by its canonical key (message-key.ts). */
export function instanceKey(name: string, args: readonly unknown[]): string {
  return `${name}(${args.map(argKey).join(', ')})`;
}

/** checkerInstances: the instances of the checker's successors. */
export function checkerInstances(successors: readonly Step[]): string[] {
  return successors.map((s) => instanceKey(s.action.name, s.action.args.map(plain)));
}

/** guardInstances: the instances the guards enable. */
export function guardInstances(instances: readonly Instance[]): string[] {
  return instances.map((i) => instanceKey(i.name, i.args));
}

/** Difference: the instances only one side enables. */
export type Difference = { readonly onlySpec: readonly string[]; readonly onlyGuards: readonly string[] };

/** compareInstances: what the checker enables and the guards do not, and the other way round. */
export function compareInstances(spec: readonly string[], guards: readonly string[]): Difference {
  const s = new Set(spec);
  const g = new Set(guards);
  return { onlySpec: [...s].filter((x) => !g.has(x)).sort(), onlyGuards: [...g].filter((x) => !s.has(x)).sort() };
}

/** Walked: one state of a trace, decoded, with the instances the checker finds enabled in it. */
export type Walked = { readonly file: string; readonly step: number; readonly state: SpecState; readonly spec: readonly string[] };

/**
 * walkTrace: the first `limit` states of a trace with the checker's
 * instances in each, checked on the way to be a behaviour of the spec
 * (spec-behaviour.ts: each step's action, arguments and state among the
 * successors of the state before). `json` is the trace file's parsed text.
 */
export function walkTrace(stepper: Stepper, vars: readonly string[], trace: Trace, json: TraceJson, limit: number): Walked[] {
  const out: Walked[] = [];
  const visit = (k: number, successors: readonly Step[]): void => {
    out.push({ file: trace.file, step: k, state: (trace.steps[k] as TraceStep).state, spec: checkerInstances(successors) });
  };
  const failure = walkBehaviour(stepper, vars, trace.file, json, { states: Math.min(limit, trace.steps.length), visit });
  if (failure !== undefined) throw new Error(formatFailure(failure));
  return out;
}

/** Disagreement: a walked state where the checker and the guards enable different instances. */
export type Disagreement = { readonly file: string; readonly step: number } & Difference;

/** compareGuards: every walked state where `guards` disagree with the checker. */
export function compareGuards(walked: readonly Walked[], constants: Constants, guards: Guards = SPEC_GUARDS): Disagreement[] {
  return walked.flatMap((w) => {
    const d = compareInstances(w.spec, guardInstances(enabledInstances(w.state, constants.servers, constants.values, guards)));
    return d.onlySpec.length + d.onlyGuards.length === 0 ? [] : [{ file: w.file, step: w.step, ...d }];
  });
}
