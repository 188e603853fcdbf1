// embedded-worker.ts: runs one synchronous tla-checker model check off the main thread,
// so that the main thread can print progress and terminate it on timeout or Ctrl-C.

import { parentPort, workerData } from 'node:worker_threads';
import * as t from 'io-ts';
import { checkSpec } from './wasm.js';

const Job = t.type({ spec: t.string, cfg: t.string, maxStates: t.number, maxDepth: t.number });

if (parentPort !== null && Job.is(workerData)) {
  const { spec, cfg, maxStates, maxDepth } = workerData;
  try {
    parentPort.postMessage({ ok: true, response: checkSpec(spec, cfg, { maxStates, maxDepth }) });
  } catch (e) {
    parentPort.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}
