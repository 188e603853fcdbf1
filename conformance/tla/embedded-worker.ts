// embedded-worker.ts: runs one synchronous tla-checker model check off the main thread,
// so that the main thread can print progress and terminate it on timeout or Ctrl-C. With
// `graph`, the checker also exports its state graph, summarised here (state-graph.ts) so
// that only the per-action counts and the depth cross to the main thread.

import { parentPort, workerData } from 'node:worker_threads';
import * as t from 'io-ts';
import { summariseStateGraph } from './state-graph.js';
import { checkSpec } from './wasm.js';

const Job = t.type({ spec: t.string, cfg: t.string, maxStates: t.number, maxDepth: t.number, graph: t.boolean });

if (parentPort !== null && Job.is(workerData)) {
  const { spec, cfg, maxStates, maxDepth, graph } = workerData;
  try {
    const { dot, ...response } = checkSpec(spec, cfg, { maxStates, maxDepth, exportDot: graph });
    const summary = response.success && typeof dot === 'string' ? summariseStateGraph(dot) : undefined;
    parentPort.postMessage({ ok: true, response, ...(summary === undefined ? {} : { graph: summary }) });
  } catch (e) {
    parentPort.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}
