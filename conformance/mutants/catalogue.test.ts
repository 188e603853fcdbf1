// The catalogue itself: every mutant still applies to the current src/ (its
// find text occurs exactly once, the result parses and compiles to other
// code), ids and rule ids are well-formed, and the list of bugs is
// there. Running the mutants is `make mutants`' job (run.test.ts runs a few).
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { repoDir } from '../spec-hash.js';
import { MUTANTS } from './catalogue.js';
import { catalogueTable, README, withTable } from './readme.js';
import { loadCompiler, mutatedFiles, validateCatalogue } from './run.js';

const REPO = repoDir();

/** specRuleIds: the rule ids of spec/README.md: the rows of its "Rule ids" table and the departures D-n. */
function specRuleIds(): Set<string> {
  const readme = fs.readFileSync(path.join(REPO, 'spec', 'README.md'), 'utf8');
  const ids = new Set<string>();
  for (const m of readme.matchAll(/^\| ([A-Z]+-\d+[a-z]?) \|/gm)) ids.add(m[1] as string);
  for (const m of readme.matchAll(/^- \*\*(D-\d+)\./gm)) ids.add(m[1] as string);
  return ids;
}

t.test('every mutant applies to the current src/: each find text exactly once, parses, changes the code', async (t) => {
  const compiler = await loadCompiler(REPO);
  for (const m of MUTANTS) {
    t.doesNotThrow(() => mutatedFiles(m, REPO, compiler), m.id);
  }
  t.doesNotThrow(() => validateCatalogue(MUTANTS, REPO, compiler), 'ids unique and kebab-case');
});

t.test('ids, titles, reasons and rule ids', async (t) => {
  const rules = specRuleIds();
  t.ok(rules.has('AE-3') && rules.has('L-3b') && rules.has('D-9'), 'spec/README.md rule ids found');
  t.ok(MUTANTS.length >= 25, `at least 25 mutants (${MUTANTS.length})`);
  t.equal(new Set(MUTANTS.map((m) => m.id)).size, MUTANTS.length, 'ids are unique');
  for (const m of MUTANTS) {
    t.match(m.id, /^[a-z0-9]+(-[a-z0-9]+)*$/, `${m.id}: kebab-case`);
    t.ok(m.title.length > 0 && !m.title.includes('\n'), `${m.id}: a one-line title`);
    const sentences = m.why.split(/[.!?](\s|$)/).filter((s) => s.trim() !== '').length;
    t.ok(sentences >= 1 && sentences <= 3, `${m.id}: why is 1-3 sentences`);
    t.ok(m.rules.length > 0, `${m.id}: names a rule`);
    for (const r of m.rules) t.ok(rules.has(r), `${m.id}: ${r} is a rule id of spec/README.md`);
    for (const e of m.edits) t.match(e.file, /^src\/[\w-]+\.ts$/, `${m.id}: edits a source file of src/`);
  }
});

t.test('the bugs the issue lists are catalogued', async (t) => {
  const required = [
    ['vote-without-log-check', 'granting a vote without the up-to-date log check'],
    ['vote-twice-in-term', 'granting two votes in one term'],
    ['vote-not-persisted', 'not persisting the vote before replying'],
    ['new-term-not-persisted', 'not persisting the term before replying'],
    ['no-step-down-on-request', 'not stepping down on a higher term in a request'],
    ['no-step-down-on-response', 'not stepping down on a higher term in a response'],
    ['count-stale-votes', 'counting votes from a stale term'],
    ['quorum-off-by-one', 'becoming leader without a majority'],
    ['commit-previous-term', 'the Figure 8 bug'],
    ['commit-index-backwards', 'commitIndex going backwards'],
    ['commit-beyond-new-entries', 'follower commitIndex beyond its last new entry'],
    ['no-truncate-on-conflict', 'not truncating conflicting entries'],
    ['truncate-without-conflict', 'truncating entries that do not conflict'],
    ['accept-stale-append', 'accepting AppendEntries with a stale term'],
    ['skip-prev-log-check', 'skipping the prevLogIndex/prevLogTerm check'],
    ['next-index-not-decremented', 'nextIndex not decremented'],
    ['stale-failure-decrements', 'nextIndex decremented below 1'],
    ['match-index-backwards', 'matchIndex going backwards on a reordered response'],
    ['next-index-behind-match', 'nextIndex <= matchIndex after a stale response'],
    ['apply-out-of-order', 'applying entries out of order'],
    ['apply-uncommitted', 'applying entries beyond commitIndex'],
    ['restart-commit-from-log', 'a restart keeping volatile state'],
    ['restart-loses-vote', 'a restart losing persistent state'],
    ['leader-votes-for-other', 'a leader voting for another candidate in its own term'],
    ['votes-kept-on-new-election', 'a candidate not resetting its votes on a new election'],
    ['heartbeat-leader-commit-last-index', 'heartbeats setting leaderCommit wrongly'],
    ['vote-reply-request-term', 'responding to a RequestVote with the wrong term'],
  ] as const;
  for (const [id, bug] of required) t.ok(MUTANTS.some((m) => m.id === id), `${bug}: ${id}`);
});

t.test('README.md lists the catalogue as it is', async (t) => {
  const text = fs.readFileSync(README, 'utf8');
  t.ok(
    text === withTable(text),
    'conformance/mutants/README.md: the table differs from catalogue.ts: run npx tsc -p tsconfig.json && node dist/conformance/mutants/readme.js',
  );
  for (const m of MUTANTS) t.ok(catalogueTable().includes(`| \`${m.id}\` | ${m.rules.join(', ')} |`), m.id);
});
