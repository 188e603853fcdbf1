// check.ts: `raftref check`: model-check the models in spec/ and the broken variants in
// spec/broken/ with the embedded checker (default) or TLC.

import path from 'node:path';
import { resultJson } from '../../conformance/tla/counterexample-itf.js';
import { coverage, formatCoverage } from '../../conformance/tla/coverage.js';
import { AbortedError, checkEmbedded } from '../../conformance/tla/embedded.js';
import { firingProblems } from '../../conformance/tla/firing.js';
import { checkJar, findJava } from '../../conformance/tla/jar.js';
import { type LoadedModel, loadModel } from '../../conformance/tla/model.js';
import { discoverModels, selectModels } from '../../conformance/tla/models.js';
import { counterexampleLines, coverageLines, details, headline } from '../../conformance/tla/report.js';
import type { CheckResult } from '../../conformance/tla/result.js';
import { TlcAbortedError, checkTlc } from '../../conformance/tla/tlc.js';
import { type Variant, listVariants, loadVariant } from '../../conformance/tla/variants.js';
import { raftrefVersion } from '../../conformance/version.js';
import { fromPackage } from '../../conformance/spec-hash.js';
import { UserError } from '../../conformance/tla/errors.js';
import { type Command, EXIT, INTERNAL_HELP, type Range, TIMEOUT_RANGE, choiceOption, intOption, jsonSeconds, parseCommandArgs, usageError } from './command.js';

const roundSeconds = <R extends { readonly seconds: number }>(r: R): R => ({ ...r, seconds: jsonSeconds(r.seconds) });

/** Most states of the --coverage BFS: it keeps them all in memory. */
export const COVERAGE_RANGE: Range = [1, 1_000_000];
const DEFAULT_COVERAGE = 10_000;

const help = `usage: raftref check [options]

Model-checks spec/MC*.tla (each with its same-named .cfg). By default only fast-tier models
(first cfg line \`\\* tier: fast\`, or no tier) run. With the embedded checker, a passing model
prints how often each action of Next fired (tla-checker: distinct transitions in its state
graph; TLC: distinct new states the action found), and fails if an action never fires unless
its cfg declares it out of the bounds' reach (\`\\* unfired: Action -- why\`). Under TLC a
counterexample's steps are named with their arguments by replaying TLC's states with the
embedded stepping API.

options:
  --checker embedded|tlc  embedded: tla-checker (WebAssembly, default); tlc: TLC from
                          $TLA2TOOLS_JAR (needs Java 11+)
  --model NAME            check only this model (repeatable; any tier; MC prefix optional)
  --full                  add the full-tier models
  --broken                also run every spec/broken/*.tla variant; each must violate an
                          invariant or action property, and one that passes is a failure
  --timeout S             stop one model's check after S seconds (exit code 3); an integer
                          in [${TIMEOUT_RANGE[0]}, ${TIMEOUT_RANGE[1]}] (Node's timers hold at most 24.8 days);
                          TLC gets SIGTERM, then SIGKILL 2 s later
  --coverage [N]          embedded only: per-action coverage by BFS over the first N states,
                          an integer in [${COVERAGE_RANGE[0]}, ${COVERAGE_RANGE[1]}] (default ${DEFAULT_COVERAGE});
                          reports the depth when the BFS completes
  --json                  print one JSON document instead of text (with the raftref version)
  --spec-dir DIR          where the models are (default: the package's spec/)

exit codes: 0 all passed, 1 a check failed (violation, variant not caught, checker error),
2 unusable input (parse error, unknown model, missing java or jar, a java that cannot run
TLC, a spec dir without models), 3 time limit, ${INTERNAL_HELP}, 130 Ctrl-C.
With --json, stdout is one JSON object: the report, or {"error", "exitCode", ...}.`;

type Options = {
  readonly checker: 'embedded' | 'tlc';
  readonly models: readonly string[];
  readonly full: boolean;
  readonly broken: boolean;
  readonly timeout: number | undefined;
  readonly coverage: number | undefined;
  readonly json: boolean;
  readonly specDir: string;
};

const bad = usageError('check');

export function parseCheckArgs(argv: readonly string[]): Options {
  const args = [...argv];
  // `--coverage` takes an optional value: normalise it to `--coverage=N`. The next argument is
  // its value unless it is another option (`--...`), so that `--coverage abc` or `--coverage -5`
  // is an error about --coverage, not a stray argument.
  const i = args.indexOf('--coverage');
  if (i >= 0) {
    const next = args[i + 1];
    const value = next !== undefined && !next.startsWith('--') ? next : undefined;
    args.splice(i, value === undefined ? 1 : 2, `--coverage=${value ?? DEFAULT_COVERAGE}`);
  }
  const parsed = parseCommandArgs('check', {
    args,
    options: {
      checker: { type: 'string', default: 'embedded' },
      model: { type: 'string', multiple: true, default: [] },
      full: { type: 'boolean', default: false },
      broken: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      coverage: { type: 'string' },
      json: { type: 'boolean', default: false },
      'spec-dir': { type: 'string' },
    },
  }).values;
  const { checker, timeout, coverage: cov } = parsed;
  const chosen = choiceOption('check', '--checker', checker, ['embedded', 'tlc'] as const);
  const seconds = intOption('check', '--timeout', timeout, TIMEOUT_RANGE);
  const states = intOption('check', '--coverage', cov, COVERAGE_RANGE);
  if (states !== undefined && chosen === 'tlc') throw bad('--coverage is for the embedded checker (TLC prints its own coverage)');
  return {
    checker: chosen,
    models: parsed.model,
    full: parsed.full,
    broken: parsed.broken,
    timeout: seconds,
    coverage: states,
    json: parsed.json,
    specDir: parsed['spec-dir'] ?? fromPackage('spec'),
  };
}

type Runner = (model: LoadedModel) => Promise<CheckResult>;

function makeRunner(o: Options, signal: AbortSignal, log: (s: string) => void): Runner {
  const common = { signal, heartbeatSeconds: 5, ...(o.timeout !== undefined && { timeoutSeconds: o.timeout }) };
  if (o.checker === 'embedded') {
    return (model) => checkEmbedded(model, { ...common, onHeartbeat: (s) => log(`  … ${model.name}: ${s.toFixed(0)}s elapsed (tla-checker reports states only at the end)`) });
  }
  const java = findJava();
  const jar = checkJar(process.env['TLA2TOOLS_JAR']);
  return (model) => checkTlc(model, { ...common, java, jar, onHeartbeat: (s, p) => log(`  … ${model.name}: ${s.toFixed(0)}s elapsed${p ? ` — ${p}` : ''}`) });
}

type VariantOutcome = { readonly variant: Variant; readonly result: CheckResult; readonly caught: boolean };

function caught(r: CheckResult): boolean {
  return r.verdict === 'violation' && (r.violated?.kind === 'invariant' || r.violated?.kind === 'action property');
}

async function runAll(o: Options, signal: AbortSignal, out: (s: string) => void, log: (s: string) => void) {
  const all = discoverModels(o.specDir);
  if (all.length === 0) throw new UserError(o.specDir, undefined, 'nothing to check: no model (MC*.tla with a same-named .cfg) in this directory', 'pass the spec directory as --spec-dir');
  const models = selectModels(all, o.models, o.full, o.specDir);
  const skipped = all.length - models.length;
  if (o.models.length === 0 && skipped > 0) out(`(${skipped} full-tier model${skipped === 1 ? '' : 's'} not run: add --full)`);
  const variantFiles = o.broken ? listVariants(path.join(o.specDir, 'broken')) : [];
  const loaded = models.map((m) => ({ files: m, model: loadModel(m.tla, m.cfg) }));
  // A variant runs on its model's tier: one checked with a full-tier model needs --full.
  const allVariants = variantFiles.map((f) => loadVariant(f, o.specDir));
  const fullTier = new Set(all.filter((m) => m.tier === 'full').map((m) => m.name));
  const variants = allVariants.filter((v) => o.full || !fullTier.has(v.model));
  const skippedVariants = allVariants.filter((v) => !variants.includes(v)).map((v) => v.name);
  if (skippedVariants.length > 0) out(`(broken variant${skippedVariants.length === 1 ? '' : 's'} on a full-tier model not run: ${skippedVariants.join(', ')}: add --full)`);
  const variantModels = variants.map((v) => loadModel(path.join(o.specDir, `${v.model}.tla`), path.join(o.specDir, `${v.model}.cfg`), new Map([[v.target, v.source]])));
  const run = makeRunner(o, signal, log);
  const results: CheckResult[] = [];
  const vacuous: string[] = [];
  for (const { files, model } of loaded) {
    log(`checking ${model.name} with ${o.checker === 'embedded' ? 'tla-checker' : 'TLC'} …`);
    const r = await run(model);
    results.push(r);
    const firing = firingProblems(r, files.unfired);
    vacuous.push(...firing.problems.map((p) => `${model.name}: ${p}`));
    out([headline(r), ...details(r), ...coverageLines(r), ...firing.lines, ...counterexampleLines(r)].join('\n'));
    if (o.coverage !== undefined) out(formatCoverage(coverage(model, o.coverage)).join('\n'));
  }
  const outcomes: VariantOutcome[] = [];
  for (const [k, v] of variants.entries()) {
    const model = variantModels[k];
    if (model === undefined) continue;
    log(`checking broken variant ${v.name} (${v.model}) …`);
    const result = await run(model);
    const ok = caught(result);
    outcomes.push({ variant: v, result, caught: ok });
    out(variantLines(v, result, ok).join('\n'));
  }
  return { results, outcomes, vacuous };
}

function variantLines(v: Variant, r: CheckResult, ok: boolean): string[] {
  const head = headline(r, `${r.model} + broken/${v.name}`);
  const verdict = ok
    ? `  caught: ${r.violated?.kind} ${r.violated?.name} violated, counterexample of ${r.counterexample?.length ?? r.rawTrace?.length ?? r.tlcTrace?.length ?? '?'} states`
    : `  NOT CAUGHT: broken variant ${v.name} must violate an invariant, but the verdict is ${r.verdict}`;
  return [head, `  why: ${v.why}`, verdict, ...details(r).filter((l) => !l.startsWith('  violated:') && !l.startsWith('  note:'))];
}

function exitCode(results: readonly CheckResult[], outcomes: readonly VariantOutcome[], vacuous: readonly string[]): number {
  const failed = vacuous.length > 0 || results.some((r) => r.verdict === 'violation' || r.verdict === 'error') || outcomes.some((o) => !o.caught && o.result.verdict !== 'timeout');
  if (failed) return 1;
  return [...results, ...outcomes.map((o) => o.result)].some((r) => r.verdict === 'timeout') ? 3 : 0;
}

function summary(results: readonly CheckResult[], outcomes: readonly VariantOutcome[], vacuous: readonly string[], seconds: number): string[] {
  const passed = results.filter((r) => r.verdict === 'pass').length + outcomes.filter((o) => o.caught).length;
  const timedOut = [...results, ...outcomes.map((o) => o.result)].filter((r) => r.verdict === 'timeout').length;
  const failed = results.length + outcomes.length - passed - timedOut;
  const line1 = `models: ${results.filter((r) => r.verdict === 'pass').length}/${results.length} passed; broken variants: ${outcomes.filter((o) => o.caught).length}/${outcomes.length} caught; ${timedOut} timed out; ${seconds.toFixed(1)}s`;
  const line2 = vacuous.length === 0 ? [] : [`vacuity: ${vacuous.length} problem${vacuous.length === 1 ? '' : 's'}: ${vacuous.join('; ')}`];
  return [line1, ...line2, `summary: ${passed} passed, ${failed + vacuous.length} failed`];
}

export const check: Command = {
  name: 'check',
  summary: 'model-check the spec models (and the broken variants) with tla-checker or TLC',
  help,
  run: async (argv) => {
    const o = parseCheckArgs(argv);
    const controller = new AbortController();
    const onSigint = (): void => controller.abort();
    process.once('SIGINT', onSigint);
    const started = Date.now();
    const text: string[] = [];
    const out = o.json ? (s: string) => void text.push(s) : (s: string) => console.log(s);
    const log = (s: string): void => void process.stderr.write(`${s}\n`);
    try {
      const { results, outcomes, vacuous } = await runAll(o, controller.signal, out, log);
      const code = exitCode(results, outcomes, vacuous);
      if (o.json) console.log(JSON.stringify({ raftref: raftrefVersion(), results: results.map((r) => resultJson(roundSeconds(r))), vacuity: vacuous, variants: outcomes.map((x) => ({ variant: x.variant.name, model: x.variant.model, why: x.variant.why, caught: x.caught, result: resultJson(roundSeconds(x.result)) })), seconds: jsonSeconds((Date.now() - started) / 1000), exitCode: code }, null, 2));
      else summary(results, outcomes, vacuous, (Date.now() - started) / 1000).forEach((l) => console.log(l));
      return code;
    } catch (e) {
      if (e instanceof AbortedError || e instanceof TlcAbortedError) {
        log('raftref: interrupted');
        return EXIT.interrupted;
      }
      throw e;
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
  },
};
