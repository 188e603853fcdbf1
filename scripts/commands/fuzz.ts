// fuzz.ts: what the CLI's option fuzzing (fuzz.test.ts) knows of every command: its numeric and
// enumerated options with what they accept, a base command line that is otherwise valid, and
// the oracle: which value must be accepted (exit 0) and which rejected (exit 2, one line naming
// the option). The commands' own parsers run, behind main, so the contract is the one users get.

import { LIMITS } from '../../conformance/generate/options.js';
import { WEIGHT_RANGE } from '../../conformance/generate/weights.js';
import { COVERAGE_RANGE, parseCheckArgs } from './check.js';
import { type Command, type Range, TIMEOUT_RANGE } from './command.js';
import { parseFigure2Args } from './figure2.js';
import { parseMutantsArgs } from './mutants.js';
import { parseReplayArgs } from './replay.js';
import { parseGenerateArgs } from './traces.js';

export type OptionSpec =
  | { readonly kind: 'integer'; readonly range: Range }
  | { readonly kind: 'decimal'; readonly range: Range; readonly prefix: string }
  | { readonly kind: 'choice'; readonly choices: readonly string[] };

export type FuzzTarget = { readonly command: string; readonly base: readonly string[]; readonly options: Readonly<Record<string, OptionSpec>> };

const int = (range: Range): OptionSpec => ({ kind: 'integer', range });

export const TARGETS: readonly FuzzTarget[] = [
  {
    command: 'check',
    base: ['check'],
    options: { '--timeout': int(TIMEOUT_RANGE), '--coverage': int(COVERAGE_RANGE), '--checker': { kind: 'choice', choices: ['embedded', 'tlc'] } },
  },
  {
    command: 'traces',
    base: ['traces', 'generate', '--model', 'Raft2', '--count', '1', '--depth', '10', '--seed', '1', '--out', 'out/fuzz'],
    options: {
      '--count': int(LIMITS['--count']),
      '--depth': int(LIMITS['--depth']),
      '--min-depth': int(LIMITS['--min-depth']),
      '--seed': int(LIMITS['--seed']),
      '--jobs': int(LIMITS['--jobs']),
      '--max-count': int(LIMITS['--max-count']),
      '--mode': { kind: 'choice', choices: ['random', 'coverage'] },
      '--checker': { kind: 'choice', choices: ['embedded', 'tlc'] },
      '--weight': { kind: 'decimal', range: WEIGHT_RANGE, prefix: 'Timeout=' },
    },
  },
];

/** The commands with their parsers only: what main runs for the fuzzing (no model is checked, no file written). */
export const PARSE_ONLY: readonly Command[] = [
  { name: 'check', summary: '', help: '', run: async (argv) => (parseCheckArgs(argv), 0) },
  { name: 'traces', summary: '', help: '', run: async ([, ...argv]) => (parseGenerateArgs(argv), 0) },
  { name: 'replay', summary: '', help: '', run: async (argv) => (parseReplayArgs(argv), 0) },
  { name: 'mutants', summary: '', help: '', run: async (argv) => (parseMutantsArgs(argv), 0) },
  { name: 'figure2', summary: '', help: '', run: async (argv) => (parseFigure2Args(argv), 0) },
];

/** accepts: the oracle, written independently of inputs.ts: does `value` belong to the option? */
export function accepts(spec: OptionSpec, value: string): boolean {
  switch (spec.kind) {
    case 'choice':
      return spec.choices.includes(value);
    case 'integer': {
      if (!/^(0|-?[1-9][0-9]*)$/.test(value)) return false;
      const n = BigInt(value);
      return n >= BigInt(spec.range[0]) && n <= BigInt(spec.range[1]);
    }
    case 'decimal': {
      if (!value.startsWith(spec.prefix)) return false;
      const w = value.slice(spec.prefix.length);
      if (!/^(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(w)) return false;
      return Number(w) >= spec.range[0] && Number(w) <= spec.range[1];
    }
  }
}

/** How an option and its value are written: `--opt=value`, or `--opt value` (parseArgs refuses a value starting with '-' there). */
export type Form = '=' | ' ';

export function argvFor(target: FuzzTarget, option: string, value: string, form: Form, json: boolean): string[] {
  const pair = form === '=' ? [`${option}=${value}`] : [option, value];
  // The option replaces its base value (traces generate's --count, --depth, --seed).
  const base = [...target.base];
  const at = base.indexOf(option);
  if (at >= 0) base.splice(at, 2);
  return [...base, ...pair, ...(json ? ['--json'] : [])];
}
