// index.ts: every raftref subcommand. Add yours here (one import, one entry).

import { check } from './check.js';
import { replay } from './replay.js';
import type { Command } from './command.js';
import { figure2 } from './figure2.js';
import { mutants } from './mutants.js';
import { tlcFetch } from './tlc-fetch.js';
import { traces } from './traces.js';

export const COMMANDS: readonly Command[] = [check, tlcFetch, replay, traces, mutants, figure2];
