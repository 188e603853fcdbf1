// tlc-actions.ts: names TLC's coverage entries and error-trace steps by the actions of Next.
//
// TLC names a disjunct of Next after its action only when it can split it statically. A
// disjunct that quantifies over a state variable (`\E m \in DOMAIN messages : UpdateTerm(m)`,
// `\E n \in 0..Len(log[i]) : AppendEntries(i, j, n)`) is named after Next itself with the
// disjunct's span: `<Next line 410, ... of module Raft (419 8 419 47)>: 582:1150` in the
// coverage, `State 6: <Next line 419, col 8 to line 419, col 61 of module Raft>` in a trace.
// The span points into the module text TLC read (for a broken variant, the generated module):
// the action is the one called there. Coverage lines for variables, Init and the
// ACTION_CONSTRAINT are not actions of Next and are left out.

import path from 'node:path';
import { splitDisjuncts } from './disjuncts.js';
import { type Step, LabelError, Stepper } from './label.js';
import type { LoadedModel } from './model.js';
import { originOf } from './mapped.js';
import { type TlcCoverage, type TlcLocation, type TlcSpan, type TlcTraceState, parseLocation } from './tlc-output.js';
import { parseTlcState } from './tlc-values.js';
import { stateKey } from './value.js';
import { actionNames } from './variant.js';

/** The text of module `name` as TLC read it (a broken variant's generated text, if any). */
function moduleText(model: LoadedModel, name: string): string | undefined {
  return model.overrides.get(name)?.text ?? model.combined.modules.find((m) => m.name === name)?.text;
}

/** The action called by the disjunct at `span` of `text` (`\E x \in S : A(x)` or `A(x)`). */
export function actionAt(text: string, span: TlcSpan): string | undefined {
  const lines = text.split('\n');
  const first = lines[span.line - 1];
  const last = lines[span.endLine - 1];
  if (first === undefined || last === undefined) return undefined;
  const piece =
    span.line === span.endLine
      ? first.slice(span.col - 1, span.endCol)
      : [first.slice(span.col - 1), ...lines.slice(span.line, span.endLine - 1), last.slice(0, span.endCol)].join('\n');
  const disjuncts = splitDisjuncts(' '.repeat(span.col - 1) + piece);
  return disjuncts.length === 1 ? disjuncts[0]?.action?.name : undefined;
}

/** The action of Next a TLC location names, or undefined (Init, a variable, a constraint...). */
export function actionOfLocation(model: LoadedModel, actions: ReadonlySet<string>, at: { name: string; module: string; span?: TlcSpan | undefined }): string | undefined {
  if (at.span === undefined) return actions.has(at.name) ? at.name : undefined;
  const text = moduleText(model, at.module);
  const called = text === undefined ? undefined : actionAt(text, at.span);
  return called !== undefined && actions.has(called) ? called : undefined;
}

export type TlcActionCount = { readonly action: string; readonly distinct: number; readonly total: number };

/**
 * Per action of Next, TLC's distinct:total, in Next's order (sums when several entries name
 * the same action; 0:0 for an action TLC printed nothing for). `distinct` counts the new states
 * the action found; `total` counts every successor it generated, those the ACTION_CONSTRAINT
 * then rejects included (DuplicateMessage on MCRaft3 is 0:37338: it never yields a state).
 */
export function tlcActionCoverage(model: LoadedModel, coverage: readonly TlcCoverage[]): TlcActionCount[] {
  const names = actionNames(model);
  const actions = new Set(names);
  const sums = new Map(names.map((a) => [a, { distinct: 0, total: 0 }]));
  for (const c of coverage) {
    const action = actionOfLocation(model, actions, { name: c.action, module: c.module, span: c.sub });
    const sum = action === undefined ? undefined : sums.get(action);
    if (sum === undefined) continue;
    sum.distinct += c.distinct;
    sum.total += c.total;
  }
  return names.map((action) => ({ action, ...(sums.get(action) ?? { distinct: 0, total: 0 }) }));
}

/** `module:line` mapped back to the original file for a broken variant's generated module. */
export function originalLine(model: LoadedModel, module: string, line: number): { file: string; line: number } {
  const mapped = model.overrides.get(module)?.mapped;
  const origin = mapped === undefined ? undefined : originOf(mapped, line);
  return origin ?? { file: path.join(path.dirname(model.mcPath), `${module}.tla`), line };
}

/** The action TLC's label of a step names (undefined: TLC gave no usable name). */
export function actionOfStep(model: LoadedModel, actions: ReadonlySet<string>, at: TlcLocation | undefined): string | undefined {
  if (at === undefined) return undefined;
  return actionOfLocation(model, actions, { name: at.name, module: at.module, ...(!actions.has(at.name) && { span: at.span }) });
}

/** The action each label of a simulation trace file names (`Init` first; tlc-values.ts parseTlcTrace). */
export function tlcStepNames(model: LoadedModel, labels: readonly (string | undefined)[]): (string | undefined)[] {
  const actions = new Set(actionNames(model));
  return labels.map((l, k) => (k === 0 ? 'Init' : actionOfStep(model, actions, l === undefined ? undefined : parseLocation(l))));
}

/**
 * TLC's error trace as labelled steps, like the embedded checker's counterexamples: step k+1
 * is the successor of step k, by the stepping API (label.ts), that takes the action TLC names
 * and whose state equals TLC's state k+1 (compared with valueKey: TLC prints an empty bag as
 * `<<>>`). The arguments come from the stepping API's label. Throws LabelError when no
 * successor matches (the checkers disagree).
 */
export function labelTlcTrace(model: LoadedModel, trace: readonly TlcTraceState[], stepper: Stepper = new Stepper(model)): Step[] {
  const actions = new Set(actionNames(model));
  const steps: Step[] = [];
  let candidates = stepper.initialStates();
  for (const [k, s] of trace.entries()) {
    const want = stateKey(parseTlcState(s.vars));
    const name = k === 0 ? 'Init' : actionOfStep(model, actions, s.at);
    const found = candidates.find((c) => (name === undefined || c.action.name === name) && stateKey(c.state) === want);
    if (found === undefined) {
      throw new LabelError(`TLC's state ${s.index} (${s.location}) is not ${k === 0 ? 'an initial state' : `a successor of state ${k} by ${name ?? 'any action'}`} of the label variant`);
    }
    steps.push(found);
    if (k + 1 < trace.length) candidates = stepper.successors(found.state);
  }
  return steps;
}

function spanBack(model: LoadedModel, module: string, s: TlcSpan): TlcSpan {
  return { ...s, line: originalLine(model, module, s.line).line, endLine: originalLine(model, module, s.endLine).line };
}

/** A coverage entry with its lines in the original files (a broken variant's generated module mapped back). */
export function coverageBack(model: LoadedModel, c: TlcCoverage): TlcCoverage {
  if (!model.overrides.has(c.module)) return c;
  return { ...c, line: originalLine(model, c.module, c.line).line, ...(c.sub && { sub: spanBack(model, c.module, c.sub) }) };
}

/** A trace state with its location in the original files. */
export function traceStateBack(model: LoadedModel, s: TlcTraceState): TlcTraceState {
  if (s.at === undefined || !model.overrides.has(s.at.module)) return s;
  const span = spanBack(model, s.at.module, s.at.span);
  const location = s.location.replace(/ line \d+, col (\d+) to line \d+, col (\d+) of module/, ` line ${span.line}, col $1 to line ${span.endLine}, col $2 of module`);
  return { ...s, location, at: { ...s.at, span } };
}
