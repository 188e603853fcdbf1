// pool.ts: runs walk jobs on `size` worker threads (in this thread when size is 1). The
// stepping API is synchronous and CPU-bound, so threads are the only way to use more
// than one core; each worker loads the model once and takes the next job when it is free.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type JobResult, type WalkJob, runWalkJob } from './job.js';

export class GenerationAborted extends Error {
  override name = 'GenerationAborted';
}

/** WalkFailed: a walk threw (in this thread or a worker): tla-checker could not evaluate the model, e.g. an undefined variable. */
export class WalkFailed extends Error {
  override name = 'WalkFailed';
}

type Reply = { ok: true; result: JobResult } | { ok: false; error: string };

function workerUrl(): URL {
  const ext = path.extname(fileURLToPath(import.meta.url));
  return new URL(`./worker${ext}`, import.meta.url);
}

export class WalkPool {
  private readonly workers: Worker[] = [];

  constructor(readonly size: number) {}

  /** Runs every job; `onResult` sees each result as it arrives. Results in job order. */
  async run(jobs: readonly WalkJob[], onResult: (r: JobResult) => void, signal?: AbortSignal): Promise<JobResult[]> {
    return this.size <= 1 ? this.runHere(jobs, onResult, signal) : this.runThreads(jobs, onResult, signal);
  }

  private async runHere(jobs: readonly WalkJob[], onResult: (r: JobResult) => void, signal?: AbortSignal): Promise<JobResult[]> {
    const out: JobResult[] = [];
    for (const job of jobs) {
      await new Promise((r) => setImmediate(r)); // let progress timers and Ctrl-C run
      if (signal?.aborted === true) throw new GenerationAborted('interrupted');
      let r: JobResult;
      try {
        r = runWalkJob(job);
      } catch (e) {
        throw new WalkFailed(e instanceof Error ? e.message : String(e));
      }
      onResult(r);
      out.push(r);
    }
    return out;
  }

  private runThreads(jobs: readonly WalkJob[], onResult: (r: JobResult) => void, signal?: AbortSignal): Promise<JobResult[]> {
    while (this.workers.length < Math.min(this.size, jobs.length)) this.workers.push(new Worker(workerUrl()));
    const results: (JobResult | undefined)[] = jobs.map(() => undefined);
    let next = 0;
    let pending = jobs.length;
    return new Promise((resolve, reject) => {
      const cleanups: (() => void)[] = [];
      let done = false;
      const finish = (e?: Error): void => {
        if (done) return;
        done = true;
        cleanups.forEach((c) => c());
        if (e !== undefined) {
          void this.close();
          reject(e);
        } else resolve(results.filter((r): r is JobResult => r !== undefined));
      };
      if (jobs.length === 0) return finish();
      const onAbort = (): void => finish(new GenerationAborted('interrupted'));
      signal?.addEventListener('abort', onAbort);
      cleanups.push(() => signal?.removeEventListener('abort', onAbort));
      for (const w of this.workers) {
        let current = -1;
        const give = (): void => {
          if (next >= jobs.length) return;
          current = next++;
          w.postMessage(jobs[current]);
        };
        const onMessage = (m: Reply): void => {
          if (!m.ok) return finish(new WalkFailed(m.error));
          results[current] = m.result;
          try {
            onResult(m.result);
          } catch (e) {
            // e.g. the trace file cannot be written (a UserError): the run stops with it.
            return finish(e instanceof Error ? e : new Error(String(e)));
          }
          if (--pending === 0) return finish();
          give();
        };
        const onError = (e: Error): void => finish(new Error(`trace worker crashed: ${e.message}`));
        w.on('message', onMessage);
        w.on('error', onError);
        cleanups.push(() => {
          w.off('message', onMessage);
          w.off('error', onError);
        });
        give();
      }
    });
  }

  async close(): Promise<void> {
    const ws = this.workers.splice(0);
    await Promise.all(ws.map((w) => w.terminate()));
  }
}
