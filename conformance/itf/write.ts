// itf-file.ts: the text of one trace file (traces/README.md, "File layout"): the header
// pretty-printed, then one state a line, so that files diff well and stay compact.

import type { Itf, ItfAction, ItfState } from './value.js';

export const ITF_FORMAT_DESCRIPTION = 'https://apalache-mc.org/docs/adr/015adr-trace.html';

export type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

export type TraceHeader = {
  readonly source: string;
  readonly description: string;
  readonly raftref: {
    readonly version: 1;
    /** The raftref that wrote the trace (conformance/version.ts); absent in older traces. */
    readonly generatedBy: string;
    readonly spec: string;
    readonly specHash: string;
    readonly model: string;
    readonly constants: Readonly<Record<string, Itf>>;
    readonly checker: { readonly name: string; readonly version: string };
    readonly generator: { readonly [k: string]: Json };
  };
};

export type TraceState = { readonly action: ItfAction; readonly state: ItfState };

/** JSON with objects expanded down to `depth` levels and compact below. */
function pretty(v: Json | Itf, depth: number, indent = ''): string {
  if (depth <= 0 || v === null || typeof v !== 'object' || Array.isArray(v)) return JSON.stringify(v);
  const inner = indent + '  ';
  const entries = Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${pretty(x as Json, depth - 1, inner)}`);
  return entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n${indent}}`;
}

/** The file text: `#meta` first in every state, then the variables in `vars` order. */
export function traceText(header: TraceHeader, vars: readonly string[], states: readonly TraceState[]): string {
  return traceTextOf(header, vars, states.map((s, index) => stateLine(index, s, vars)));
}

/** One state of `states`, as its line in a trace file (without indentation). */
export function stateLine(index: number, s: TraceState, vars: readonly string[]): string {
  const row: Record<string, unknown> = { '#meta': { index, action: s.action.name, args: s.action.args } };
  for (const v of vars) row[v] = s.state[v];
  return JSON.stringify(row);
}

/** A state line read back: its action and state. */
export function parseStateLine(line: string, vars: readonly string[]): TraceState {
  const row = JSON.parse(line) as { '#meta': { action: string; args: Itf[] } } & Record<string, Itf>;
  const state: Record<string, Itf> = {};
  for (const v of vars) state[v] = row[v] as Itf;
  return { action: { name: row['#meta'].action, args: row['#meta'].args }, state };
}

/** The file text around already serialised state lines. */
export function traceTextOf(header: TraceHeader, vars: readonly string[], lines: readonly string[]): string {
  const meta = {
    format: 'ITF',
    'format-description': ITF_FORMAT_DESCRIPTION,
    source: header.source,
    description: header.description,
    raftref: header.raftref,
  };
  return [
    '{',
    `  "#meta": ${pretty(meta as unknown as Json, 3, '  ')},`,
    `  "vars": ${JSON.stringify(vars)},`,
    '  "states": [',
    lines.map((l) => `    ${l}`).join(',\n'),
    '  ]',
    '}',
    '',
  ].join('\n');
}
