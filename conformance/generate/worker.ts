// worker.ts: a worker thread of `raftref traces generate`: runs the walk jobs it is sent,
// one at a time, and posts each result back (see pool.ts).

import { parentPort } from 'node:worker_threads';
import { type WalkJob, runWalkJob } from './job.js';

parentPort?.on('message', (job: WalkJob) => {
  try {
    parentPort?.postMessage({ ok: true, result: runWalkJob(job) });
  } catch (e) {
    parentPort?.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
});
