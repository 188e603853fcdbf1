// replay-corpus.mutation: the replay-only test suite that StrykerJS runs
// against every mutant of src/ (conformance/mutation/stryker.config.json).
// It replays every committed trace (COMMITTED_TRACES: the corpus and the
// hand-written ones) with --check-enabled semantics (replayTrace,
// checkEnabled) and fails at the first divergence: a killed mutant stops
// as soon as one trace tells it apart.
// Nothing else (no unit test) takes part.
//
// Output is TAP (one test point per replayed set), written by hand rather
// than through `tap`, whose import would cost about 0.8 s per mutant.
// Run it alone: node dist/conformance/mutation/replay-corpus.mutation.js
// (exit 0: every trace conforms; 1: a divergence; 2: unusable input).
import fs from 'node:fs';
import path from 'node:path';
import { COMMITTED_TRACES, findTraces } from '../files.js';
import { formatTraceError, parseTrace } from '../itf/read.js';
import { replayTrace } from '../replay.js';
import { describeStep } from '../report.js';
import { defaultSpecFile, repoDir, specHashOf } from '../spec-hash.js';


type Outcome = { readonly ok: true; readonly traces: number; readonly steps: number } | { readonly ok: false; readonly diagnostic: string; readonly usable: boolean };

/** replaySet: replay every trace of one set until the first divergence or unusable file. */
function replaySet(dir: string, specHash: string): Outcome {
  const found = findTraces([dir]);
  const firstError = found.errors[0];
  if (firstError !== undefined) return { ok: false, diagnostic: formatTraceError(firstError), usable: false };
  let steps = 0;
  for (const file of found.files) {
    const decoded = parseTrace(fs.readFileSync(file, 'utf8'), file, specHash);
    if (!decoded.ok) return { ok: false, diagnostic: formatTraceError(decoded.error), usable: false };
    const result = replayTrace(decoded.trace, { checkEnabled: true });
    if (result.divergence !== undefined) {
      return { ok: false, diagnostic: `${file}: ${describeStep(result.divergence)}: ${result.divergence.reason}`, usable: true };
    }
    steps += result.steps;
  }
  return { ok: true, traces: found.files.length, steps };
}

/** yamlString: a one-line YAML scalar for a TAP diagnostic. */
function yamlString(s: string): string {
  return JSON.stringify(s.split('\n')[0] ?? '');
}

function main(): number {
  const root = repoDir();
  const specHash = specHashOf(defaultSpecFile());
  // A set that is absent is skipped.
  const sets = COMMITTED_TRACES.map((s) => path.join(root, s)).filter((dir) => fs.existsSync(dir));
  const out: string[] = ['TAP version 14'];
  let code = 0;
  let n = 0;
  for (const dir of sets) {
    n += 1;
    const name = path.relative(root, dir);
    let outcome: Outcome;
    try {
      outcome = replaySet(dir, specHash);
    } catch (e) {
      // A mutant can make the conformance code itself throw (it calls src/): that is a kill too.
      outcome = { ok: false, diagnostic: `threw: ${e instanceof Error ? e.message : String(e)}`, usable: true };
    }
    if (outcome.ok) {
      out.push(`ok ${n} - ${name}: ${outcome.traces} traces, ${outcome.steps} steps conform`);
      continue;
    }
    out.push(`not ok ${n} - ${name}`, '  ---', `  diagnostic: ${yamlString(outcome.diagnostic)}`, '  ...');
    code = outcome.usable ? 1 : 2;
    break; // fail fast: the rest cannot revive a killed mutant
  }
  out.push(`1..${n}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return code;
}

process.exitCode = main();
