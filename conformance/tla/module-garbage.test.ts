// The module reader refuses a control character (a NUL, an escape) with
// the file, line and column (a UserError: exit 2) instead of handing it to
// the checker; the specs of this repository have none.
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { parseModule } from './module.js';
import { UserError } from './errors.js';
import { repoDir } from '../spec-hash.js';

const RAFT = fs.readFileSync(path.join(repoDir(), 'spec', 'Raft.tla'), 'utf8');

const outcome = (text: string): string => {
  try {
    parseModule(text, 'Raft.tla');
    return 'accepted';
  } catch (e) {
    return e instanceof UserError ? e.message : `THREW ${String(e)}`;
  }
};

t.test('control characters: refused with line and column, in code and in comments', async (t) => {
  const k = RAFT.indexOf('Init ==');
  const line = RAFT.slice(0, k).split('\n').length;
  t.equal(outcome(RAFT.slice(0, k) + '\u0000' + RAFT.slice(k)), `Raft.tla:${line}: column 1: control character U+0000 — remove it (a module is text: tabs, line ends and printable characters)`);
  const c = RAFT.indexOf('\\*');
  const cline = RAFT.slice(0, c).split('\n').length;
  const col = c - RAFT.lastIndexOf('\n', c - 1) + 2;
  t.equal(outcome(RAFT.slice(0, c + 2) + '\u001b[0m' + RAFT.slice(c + 2)), `Raft.tla:${cline}: column ${col}: control character U+001B — remove it (a module is text: tabs, line ends and printable characters)`);
});

t.test('every module of the repository still reads', async (t) => {
  const dirs = [path.join(repoDir(), 'spec'), path.join(repoDir(), 'spec', 'broken'), ...fs.readdirSync(path.join(repoDir(), 'conformance', 'tla', 'fixtures'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => path.join(repoDir(), 'conformance', 'tla', 'fixtures', d.name))];
  for (const dir of dirs) {
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.tla'))) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8');
      t.notMatch(outcome(text), /control character/, path.relative(repoDir(), path.join(dir, f)));
    }
  }
});
