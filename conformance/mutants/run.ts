// run: mutation testing of the conformance suite. Each mutant of the
// catalogue is built into a copy of the compiled tree, outside the working
// tree: dist/src and dist/conformance are copied into a temporary
// directory, the mutant's edits are applied to the text of src/<file>.ts
// and that file alone is transpiled (typescript's transpileModule, the
// compiler options of tsconfig.json) over the copy's src/<file>.js. The
// copy's conformance/replay.js is then imported: another URL, so another
// module graph, whose replayer drives the mutated src/. The traces are
// decoded once, here, and every mutant replays the same decoded traces
// (plain data), plainly and then with checkEnabled, stopping at its first
// divergence.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type ts from 'typescript';
import { findTraces } from '../files.js';
import { readTrace, type TraceError } from '../itf/read.js';
import type { replayTrace as ReplayTrace, ReplayResult, Divergence } from '../replay.js';
import { divergenceReport } from '../report.js';
import { defaultSpecFile, repoDir, specHashOf } from '../spec-hash.js';
import type { Trace } from '../trace.js';
import type { Edit, Mutant } from './catalogue.js';

/** CatalogueError: a mutant that cannot be applied as written (one line, naming the mutant and the file). */
export class CatalogueError extends Error {
  constructor(
    readonly mutant: string,
    readonly file: string,
    what: string,
  ) {
    super(`mutant ${mutant}: ${file}: ${what}`);
    this.name = 'CatalogueError';
  }
}

/** occurrences: how many times `find` occurs in `text` (non-overlapping). */
export function occurrences(text: string, find: string): number {
  if (find === '') return 0;
  let count = 0;
  for (let at = text.indexOf(find); at >= 0; at = text.indexOf(find, at + find.length)) count += 1;
  return count;
}

/**
 * applyEdits: the mutated text of one file: its edits in order, each `find`
 * occurring exactly once in the text as the earlier edits left it.
 */
export function applyEdits(mutant: string, file: string, text: string, edits: readonly Edit[]): string {
  let out = text;
  for (const e of edits) {
    if (e.find === e.replace) throw new CatalogueError(mutant, file, `an edit replaces ${JSON.stringify(clip(e.find))} by itself`);
    const n = occurrences(out, e.find);
    if (n !== 1) throw new CatalogueError(mutant, file, `find text ${JSON.stringify(clip(e.find))} occurs ${n} times, expected exactly once`);
    const at = out.indexOf(e.find);
    out = out.slice(0, at) + e.replace + out.slice(at + e.find.length);
  }
  return out;
}

const clip = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** byFile: a mutant's edits grouped by file, in the order the files first appear. */
function byFile(m: Mutant): Map<string, Edit[]> {
  const files = new Map<string, Edit[]>();
  for (const e of m.edits) files.set(e.file, [...(files.get(e.file) ?? []), e]);
  return files;
}

/** Compiler: transpile one module with the compiler options of tsconfig.json. */
export type Compiler = {
  /** The JavaScript of `text` (the module at `file`, relative to the repository), or the syntax errors. */
  readonly transpile: (file: string, text: string) => { readonly js: string; readonly errors: readonly string[] };
};

/** loadCompiler: typescript, loaded on demand (only this command needs it), with tsconfig.json's options. */
export async function loadCompiler(repo: string): Promise<Compiler> {
  const tsc: typeof ts = (await import('typescript')).default;
  const configFile = path.join(repo, 'tsconfig.json');
  const read = tsc.readConfigFile(configFile, (f) => tsc.sys.readFile(f));
  if (read.error !== undefined) throw new CatalogueError('(all)', 'tsconfig.json', tsc.flattenDiagnosticMessageText(read.error.messageText, ' '));
  const { options } = tsc.parseJsonConfigFileContent(read.config, tsc.sys, repo, undefined, configFile);
  // The copy has no .map files; a mutated file needs none.
  const compilerOptions: ts.CompilerOptions = { ...options, sourceMap: false, inlineSourceMap: false, declaration: false };
  return {
    transpile: (file, text) => {
      // package.json says "type": "module", which transpileModule does not read: under NodeNext
      // an .mts name gives the ES module output that tsc writes for this package's .ts files.
      const fileName = path.join(repo, file.replace(/\.ts$/, '.mts'));
      const out = tsc.transpileModule(text, { compilerOptions, fileName, reportDiagnostics: true });
      const errors = (out.diagnostics ?? []).map((d) => tsc.flattenDiagnosticMessageText(d.messageText, ' '));
      return { js: out.outputText, errors };
    },
  };
}

/** checkEditTarget: an edit must name a source file of src/ (not a test). */
function checkEditTarget(m: Mutant, file: string): void {
  if (!/^src\/[\w.-]+\.ts$/.test(file) || file.endsWith('.test.ts')) {
    throw new CatalogueError(m.id, file, 'an edit must name a source file src/<name>.ts (not a test)');
  }
}

/**
 * mutatedFiles: the JavaScript of every file a mutant changes, keyed by its
 * path relative to the compiled tree (src/<name>.js). Throws a
 * CatalogueError for an edit that does not apply, a syntax error, or an
 * edit that leaves the compiled code as it was (a change in a comment).
 */
export function mutatedFiles(m: Mutant, repo: string, compiler: Compiler): Map<string, string> {
  if (m.edits.length === 0) throw new CatalogueError(m.id, '-', 'no edits');
  const out = new Map<string, string>();
  for (const [file, edits] of byFile(m)) {
    checkEditTarget(m, file);
    let text: string;
    try {
      text = fs.readFileSync(path.join(repo, file), 'utf8');
    } catch (e) {
      throw new CatalogueError(m.id, file, `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    const mutated = applyEdits(m.id, file, text, edits);
    const js = compiler.transpile(file, mutated);
    if (js.errors.length > 0) throw new CatalogueError(m.id, file, `the mutated file does not parse: ${js.errors[0]}`);
    if (js.js === compiler.transpile(file, text).js) throw new CatalogueError(m.id, file, 'the edits do not change the compiled code');
    out.set(file.replace(/\.ts$/, '.js'), js.js);
  }
  return out;
}

/** validateCatalogue: every mutant applies (ids unique and kebab-case); the first problem, thrown. */
export function validateCatalogue(mutants: readonly Mutant[], repo: string, compiler: Compiler): void {
  const seen = new Set<string>();
  for (const m of mutants) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(m.id)) throw new CatalogueError(m.id, '-', 'the id is not kebab-case');
    if (seen.has(m.id)) throw new CatalogueError(m.id, '-', 'the id is used twice');
    seen.add(m.id);
    mutatedFiles(m, repo, compiler);
  }
}

/** The compiled directories a copy needs: the implementation and the replayer. */
const COPIED = ['src', 'conformance'] as const;

/**
 * Workspace: a temporary directory that holds one copy of the compiled
 * tree per mutant, with a package.json (ES modules) and a link to the
 * repository's node_modules so the copies resolve their dependencies.
 */
export class Workspace {
  readonly root: string;

  constructor(readonly repo: string) {
    this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'raftref-mutants-'));
    fs.writeFileSync(path.join(this.root, 'package.json'), '{ "type": "module", "private": true }\n');
    fs.symlinkSync(path.join(repo, 'node_modules'), path.join(this.root, 'node_modules'), 'dir');
  }

  /**
   * build: a copy of dist/src and dist/conformance (their modules, not the
   * tests) named `name`, with `files` (relative path -> JavaScript) written
   * over it; its replayTrace.
   */
  async build(name: string, files: ReadonlyMap<string, string>): Promise<typeof ReplayTrace> {
    const dist = path.join(this.repo, 'dist');
    const dir = path.join(this.root, name);
    for (const sub of COPIED) {
      const from = path.join(dist, sub);
      if (!fs.existsSync(path.join(from, 'index.js')) && sub === 'src') {
        throw new CatalogueError(name, 'dist/src', 'no compiled tree: run make build first');
      }
      fs.mkdirSync(path.join(dir, sub), { recursive: true });
      for (const f of fs.readdirSync(from)) {
        if (f.endsWith('.js') && !f.endsWith('.test.js')) fs.copyFileSync(path.join(from, f), path.join(dir, sub, f));
      }
    }
    for (const [file, js] of files) {
      const target = path.join(dir, file);
      if (!fs.existsSync(target)) throw new CatalogueError(name, file, `not in the compiled tree (dist/${file}): run make build`);
      fs.writeFileSync(target, js);
    }
    try {
      const replay = (await import(pathToFileURL(path.join(dir, 'conformance', 'replay.js')).href)) as { replayTrace: typeof ReplayTrace };
      return replay.replayTrace;
    } catch (e) {
      // A mutant that breaks loading is not caught by a trace; a build that changed under the copy neither.
      const what = e instanceof Error ? e.message.split('\n')[0] : String(e);
      throw new CatalogueError(name, 'dist', `the copy does not load: ${what} (dist/ being rebuilt? run make build and retry)`);
    }
  }

  remove(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

/** Loaded: the traces under the paths, decoded once, and the files that could not be used. */
export type Loaded = { readonly traces: readonly Trace[]; readonly unusable: readonly TraceError[] };

/** loadTraces: decode every trace under `paths` (files or directories). */
export function loadTraces(paths: readonly string[], specFile = defaultSpecFile()): Loaded {
  const found = findTraces(paths);
  const unusable: TraceError[] = [...found.errors];
  const traces: Trace[] = [];
  const specHash = specHashOf(specFile);
  for (const file of found.files) {
    const decoded = readTrace(file, specHash);
    // The raw JSON is only for writing reproducers, which this tool does not.
    if (decoded.ok) traces.push({ ...decoded.trace, json: null });
    else unusable.push(decoded.error);
  }
  return { traces, unusable };
}

/** Caught: the first trace, step and action at which a mutant diverged. */
export type Caught = Pick<Divergence, 'step' | 'kind' | 'reason'> & {
  readonly trace: string;
  /** The step's action, formatted. */
  readonly action: string;
  /** The Figure 2 rule ids that step exercises, per the trace. */
  readonly stepRules: readonly string[];
};

export type MutantOutcome = {
  readonly id: string;
  readonly title: string;
  readonly rules: readonly string[];
  readonly status: 'killed' | 'survived';
  /** Where it was caught; undefined for a survivor. */
  readonly caught: Caught | undefined;
  /** Trace replays, both passes (up to and including the one that caught it). */
  readonly traces: number;
  readonly ms: number;
};

/** yieldToEvents: let signal handlers (Ctrl-C) run between traces; the replay itself is synchronous. */
const yieldToEvents = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * replayUntilCaught: replay the traces with `replay` until the first
 * divergence, in two passes: a plain replay of every trace (about 8x
 * faster), then, if none diverged, a replay with the enabledness check of
 * `replay --check-enabled`, which catches what no trace takes (Figure 8).
 * The first divergence of the first pass that has one is reported. `stop`
 * is polled between traces.
 */
export async function replayUntilCaught(
  replay: typeof ReplayTrace,
  traces: readonly Trace[],
  stop: () => boolean = () => false,
): Promise<{ readonly caught: Caught | undefined; readonly traces: number }> {
  let replayed = 0;
  for (const checkEnabled of [false, true]) {
    for (const trace of traces) {
      if (replayed % 20 === 0) await yieldToEvents();
      if (stop()) return { caught: undefined, traces: replayed };
      replayed += 1;
      const r = replay(trace, { checkEnabled });
      if (r.divergence !== undefined) return { caught: caughtAt(r as ReplayResult & { divergence: Divergence }), traces: replayed };
    }
  }
  return { caught: undefined, traces: replayed };
}

function caughtAt(r: ReplayResult & { divergence: Divergence }): Caught {
  const report = divergenceReport(r, undefined);
  return {
    trace: report.file,
    step: report.step,
    action: report.action,
    kind: report.kind,
    reason: report.reason,
    stepRules: report.rules.step,
  };
}

export type RunOptions = {
  readonly repo?: string;
  /** Polled between traces: stop early (Ctrl-C). */
  readonly stop?: () => boolean;
  /** Called after each mutant (progress). */
  readonly onOutcome?: (o: MutantOutcome) => void;
};

export type RunResult = {
  readonly outcomes: readonly MutantOutcome[];
  readonly killed: number;
  readonly survived: number;
  /** True when `stop` ended the run before every mutant was replayed. */
  readonly interrupted: boolean;
};

/**
 * runMutants: validate the mutants (a CatalogueError before anything
 * runs), then build and replay each in turn over the decoded traces.
 */
export async function runMutants(mutants: readonly Mutant[], traces: readonly Trace[], options: RunOptions = {}): Promise<RunResult> {
  const repo = options.repo ?? repoDir();
  const stop = options.stop ?? (() => false);
  const compiler = await loadCompiler(repo);
  const files = mutants.map((m) => mutatedFiles(m, repo, compiler));
  const workspace = new Workspace(repo);
  const outcomes: MutantOutcome[] = [];
  let interrupted = false;
  try {
    for (const [k, m] of mutants.entries()) {
      const started = performance.now();
      const replay = await workspace.build(m.id, files[k] as Map<string, string>);
      const r = await replayUntilCaught(replay, traces, stop);
      if (r.caught === undefined && stop()) {
        interrupted = true;
        break;
      }
      const outcome: MutantOutcome = {
        id: m.id,
        title: m.title,
        rules: m.rules,
        status: r.caught === undefined ? 'survived' : 'killed',
        caught: r.caught,
        traces: r.traces,
        ms: performance.now() - started,
      };
      outcomes.push(outcome);
      options.onOutcome?.(outcome);
    }
  } finally {
    workspace.remove();
  }
  const killed = outcomes.filter((o) => o.status === 'killed').length;
  return { outcomes, killed, survived: outcomes.length - killed, interrupted };
}

/**
 * replayUnmutated: the same harness with no edits (a plain copy of the
 * compiled tree): which trace, if any, it fails to conform on. A mutant is
 * only killed by its mutation if this conforms.
 */
export async function replayUnmutated(traces: readonly Trace[], repo = repoDir()): Promise<Caught | undefined> {
  const workspace = new Workspace(repo);
  try {
    const replay = await workspace.build('unmutated', new Map());
    return (await replayUntilCaught(replay, traces)).caught;
  } finally {
    workspace.remove();
  }
}
