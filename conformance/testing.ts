// testing: helpers for the conformance tests: load a fixture as JSON, edit
// one value of one state in place (ITF functions are {"#map": [[k, v]]}),
// decode and replay it.
import fs from 'node:fs';
import path from 'node:path';
import type { Actions } from './actions.js';
import { decodeTrace } from './itf/read.js';
import { replayTrace, type ReplayResult } from './replay.js';
import { defaultSpecFile, repoDir, specHashOf } from './spec-hash.js';
import type { Trace } from './trace.js';

export const FIXTURES = path.join(repoDir(), 'conformance', 'fixtures');
/**
 * SMALL_FIXTURES: the two short hand-written traces (conflict-3, election-2: a directory's order), for tests that
 * want a small set whose counts they can state; the paper's figures in FIXTURES are far longer.
 */
export const SMALL_FIXTURES = ['conflict-3', 'election-2'].map((n) => path.join(FIXTURES, `${n}.itf.json`));
export const SPEC_HASH = specHashOf(defaultSpecFile());

export type Json = { '#meta': Record<string, unknown>; vars: string[]; states: Record<string, unknown>[] };

/** fixture: conformance/fixtures/<name>.itf.json, parsed (a fresh copy each time). */
export function fixture(name: string): Json {
  return JSON.parse(fs.readFileSync(fixturePath(name), 'utf8')) as Json;
}

export function fixturePath(name: string): string {
  return path.join(FIXTURES, `${name}.itf.json`);
}

/** state: state k of a trace document. */
export function state(json: Json, k: number): Record<string, unknown> {
  const s = json.states[k];
  if (s === undefined) throw new Error(`no state ${k}`);
  return s;
}

/** entryOf: the [key, value] pair of key in an ITF function {"#map": [...]}. */
export function entryOf(fn: unknown, key: string): unknown[] {
  const pairs = (fn as { '#map': unknown[][] })['#map'];
  const pair = pairs.find((p) => p[0] === key);
  if (pair === undefined) throw new Error(`no key ${key} in ${JSON.stringify(fn)}`);
  return pair;
}

/** setVar: variable[key] := value in state k (e.g. log[s2] := []). */
export function setVar(json: Json, k: number, variable: string, key: string, value: unknown): Json {
  entryOf(state(json, k)[variable], key)[1] = value;
  return json;
}

export const big = (n: number): unknown => ({ '#bigint': String(n) });

/** decode: a trace document as a typed trace (throws on a decoding error: tests only). */
export function decode(json: unknown, file = 'test.itf.json'): Trace {
  const d = decodeTrace(json, file, SPEC_HASH);
  if (!d.ok) throw new Error(`${d.error.file}: ${d.error.what}`);
  return d.trace;
}

export function replayJson(json: unknown, actions?: Actions, file?: string, options: { readonly checkEnabled?: boolean } = {}): ReplayResult {
  return replayTrace(decode(json, file), { ...(actions === undefined ? {} : { actions }), ...options });
}

/** indexOfStep: the first state k >= from whose action is `action`. */
export function indexOfStep(json: Json, action: string, from = 1): number {
  const k = json.states.findIndex((s, n) => n >= from && (s['#meta'] as { action: string }).action === action);
  if (k < 0) throw new Error(`no ${action} step from ${from}`);
  return k;
}
