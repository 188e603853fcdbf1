// catalogue: named Raft bugs, each a small source mutation of src/ that
// departs from one Figure 2 rule (ids of spec/README.md). `raftref mutants`
// applies each to a copy of the build (run.ts) and replays the traces: the
// conformance suite must catch every one.
//
// An edit replaces `find`, which must occur exactly once in its file (after
// the file's earlier edits), by `replace`. A refactor of src/ that moves the
// text away makes the mutant a catalogue error, not a silent survivor.

/** Edit: one textual change of a source file of src/. */
export type Edit = { readonly file: string; readonly find: string; readonly replace: string };

export type Mutant = {
  /** kebab-case, unique. */
  readonly id: string;
  /** One line. */
  readonly title: string;
  /** The Figure 2 rule ids (spec/README.md) the bug breaks. */
  readonly rules: readonly string[];
  /** The real-world bug it models, 1-3 sentences. */
  readonly why: string;
  readonly edits: readonly Edit[];
};

const RV = 'src/request-vote.ts';
const AE = 'src/append-entries.ts';
const ELECTION = 'src/election.ts';
const LEADER = 'src/leader.ts';
const TERM = 'src/term.ts';
const RESTART = 'src/restart.ts';
const APPLY = 'src/apply.ts';

export const MUTANTS: readonly Mutant[] = [
  // Voting (RV-1, RV-2).
  {
    id: 'vote-without-log-check',
    title: 'grant a vote without the up-to-date log check',
    rules: ['RV-2'],
    why: 'A voter that only checks votedFor lets a candidate with a stale log win and overwrite committed entries (Leader Completeness, §5.4.1).',
    edits: [{ file: RV, find: ' &&\n    candidateLogUpToDate(s.log, m)\n', replace: '\n' }],
  },
  {
    id: 'vote-twice-in-term',
    title: 'grant a second vote in the same term',
    rules: ['RV-2'],
    why: 'Forgetting the votedFor check lets one server vote for two candidates of one term, so two leaders can be elected in it (Election Safety).',
    edits: [{ file: RV, find: '(s.votedFor === null || s.votedFor === m.candidateId) &&', replace: 'true &&' }],
  },
  {
    id: 'vote-in-stale-term',
    title: 'grant a vote to a RequestVote of an older term',
    rules: ['RV-1', 'RV-2'],
    why: 'A voter that compares terms with <= instead of = hands its vote of the current term to a candidate of an earlier one.',
    edits: [{ file: RV, find: 'm.term === s.currentTerm &&', replace: 'm.term <= s.currentTerm &&' }],
  },
  {
    id: 'leader-votes-for-other',
    title: 'a leader grants its vote to another candidate of its own term',
    rules: ['RV-2'],
    why: 'A leader that answers RequestVote on a separate code path without the votedFor check votes for a rival of its own term, which can then win it too.',
    edits: [
      {
        file: RV,
        find: '(s.votedFor === null || s.votedFor === m.candidateId) &&',
        replace: "(s.role === 'Leader' || s.votedFor === null || s.votedFor === m.candidateId) &&",
      },
    ],
  },
  {
    id: 'vote-reply-request-term',
    title: 'answer a RequestVote with the request\'s term instead of currentTerm',
    rules: ['RV-1'],
    why: 'Echoing the request\'s term hides from a stale candidate that a newer term exists, so it never steps down (ALL-2 cannot fire on the reply).',
    edits: [{ file: RV, find: 'term: s.currentTerm, voteGranted: grant', replace: 'term: m.term, voteGranted: grant' }],
  },
  {
    id: 'vote-denial-not-sent',
    title: 'refuse a vote without telling the candidate',
    rules: ['F-1', 'RV-1', 'RV-2'],
    why: 'A server that answers RequestVote only when it grants leaves the candidate waiting: it never learns a newer term from the refusal (ALL-2) and only a timeout ends its election.',
    edits: [
      {
        file: RV,
        find: "send: [{ type: 'RequestVoteResponse', from: s.id, to: m.from, term: s.currentTerm, voteGranted: grant }],",
        replace: "send: grant ? [{ type: 'RequestVoteResponse', from: s.id, to: m.from, term: s.currentTerm, voteGranted: grant }] : [],",
      },
    ],
  },
  {
    id: 'vote-not-persisted',
    title: 'reply to a RequestVote without persisting votedFor',
    rules: ['P-1', 'RV-2'],
    why: 'A vote kept only in memory is forgotten by a crash, and the restarted server votes again in the same term.',
    edits: [
      {
        file: RV,
        find: "persist: grant && s.votedFor !== m.candidateId ? [{ write: 'votedFor', votedFor: m.candidateId }] : [],",
        replace: 'persist: [],',
      },
    ],
  },
  // Candidates (C-1, C-2, C-4).
  {
    id: 'count-stale-votes',
    title: 'a candidate counts votes granted in an earlier term',
    rules: ['C-2', 'D-3'],
    why: 'A candidate that counts every granted vote without comparing terms counts votes of an election it already left and can win a term without a majority of it.',
    edits: [
      {
        file: 'src/receive.ts',
        find: "        .with('RequestVoteResponse', 'AppendEntriesResponse', () => dropStaleResponseChecked(s, m))",
        replace:
          "        .with('RequestVoteResponse', () => handleRequestVoteResponseChecked(s, m))\n        .with('AppendEntriesResponse', () => dropStaleResponseChecked(s, m))",
      },
      { file: RV, find: '  if (m.term !== s.currentTerm) {', replace: '  if (m.term > s.currentTerm) {' },
    ],
  },
  {
    id: 'quorum-off-by-one',
    title: 'half of the servers count as a majority',
    rules: ['C-2'],
    why: 'Writing 2 * votes >= N instead of > N lets a candidate win with half the votes, so with an even number of servers two leaders share a term.',
    edits: [{ file: 'src/quorum.ts', find: 'return 2 * count > servers.size;', replace: 'return 2 * count >= servers.size;' }],
  },
  {
    id: 'votes-kept-on-new-election',
    title: 'a candidate keeps the votes of its previous election',
    rules: ['C-1', 'C-4'],
    why: 'Not clearing votesGranted when a new election starts counts votes of the old term towards the new one.',
    edits: [
      {
        file: ELECTION,
        find: 'new Set([s.id])',
        replace: "new Set([s.id, ...(s.role === 'Candidate' ? s.votesGranted : [])])",
      },
    ],
  },
  {
    id: 'election-term-not-persisted',
    title: 'a new candidate asks for votes before persisting its new term',
    rules: ['P-1', 'C-1'],
    why: 'If the incremented term is not on disk before RequestVote goes out, a crash brings the server back in the old term, where it may vote again.',
    edits: [{ file: ELECTION, find: "      { write: 'currentTerm', currentTerm },\n", replace: '' }],
  },
  {
    id: 'leader-times-out',
    title: 'a leader\'s election timer keeps running',
    rules: ['F-2', 'C-1'],
    why: 'An election timer that is not stopped when a server becomes leader makes the leader start an election against itself: it leaves office for no reason and the cluster loses its leader every timeout.',
    edits: [{ file: ELECTION, find: "  if (s.role === 'Leader') {", replace: '  if (s.currentTerm < 0) {' }],
  },
  {
    id: 'candidate-never-retries',
    title: 'a candidate whose election timed out does not start a new one',
    rules: ['C-4'],
    why: 'A timeout handler that only fires for followers leaves a candidate of a split vote waiting for ever: the cluster never elects a leader again.',
    edits: [{ file: ELECTION, find: "  if (s.role === 'Leader') {", replace: "  if (s.role !== 'Follower') {" }],
  },
  {
    id: 'leader-match-index-optimistic',
    title: 'a new leader assumes every follower holds its whole log',
    rules: ['L-3', 'L-4'],
    why: 'Initialising matchIndex to the leader\'s last index instead of 0 lets it commit entries that no follower has (matchIndex must be learned from successful replies).',
    edits: [
      {
        file: ELECTION,
        find: 'peers(s).map((j) => [j, toIndex(0)])',
        replace: 'peers(s).map((j) => [j, lastIndex(s.log)])',
      },
    ],
  },
  // Terms (ALL-2).
  {
    id: 'no-step-down-on-request',
    title: 'a leader or candidate keeps its role on a request of a newer term',
    rules: ['ALL-2'],
    why: 'Adopting the newer term of a RequestVote or AppendEntries but staying leader leaves a leader in a term it did not win.',
    edits: [
      {
        file: TERM,
        find: "return enabled('UpdateTerm', toFollower({ ...s, currentTerm: m.term, votedFor: null }), { persist });",
        replace:
          "const adopted = { ...s, currentTerm: m.term, votedFor: null };\n  return enabled('UpdateTerm', m.type === 'RequestVoteRequest' || m.type === 'AppendEntriesRequest' ? adopted : toFollower(adopted), { persist });",
      },
    ],
  },
  {
    id: 'no-step-down-on-response',
    title: 'a leader or candidate keeps its role on a response of a newer term',
    rules: ['ALL-2'],
    why: 'Checking the term only on requests: a leader whose follower answers from a newer term goes on leading in it.',
    edits: [
      {
        file: TERM,
        find: "return enabled('UpdateTerm', toFollower({ ...s, currentTerm: m.term, votedFor: null }), { persist });",
        replace:
          "const adopted = { ...s, currentTerm: m.term, votedFor: null };\n  return enabled('UpdateTerm', m.type === 'RequestVoteResponse' || m.type === 'AppendEntriesResponse' ? adopted : toFollower(adopted), { persist });",
      },
    ],
  },
  {
    id: 'new-term-keeps-vote',
    title: 'adopting a newer term keeps votedFor of the old term',
    rules: ['ALL-2', 'RV-2'],
    why: 'votedFor belongs to currentTerm; carrying it into a new term refuses votes the server is free to give and can stall elections.',
    edits: [{ file: TERM, find: 'toFollower({ ...s, currentTerm: m.term, votedFor: null })', replace: 'toFollower({ ...s, currentTerm: m.term })' }],
  },
  {
    id: 'new-term-not-persisted',
    title: 'adopt a newer term without persisting it',
    rules: ['P-1', 'ALL-2'],
    why: 'A term kept only in memory goes back after a crash, and the server then votes or accepts entries in a term it had already left.',
    edits: [
      { file: TERM, find: "const persist: PersistWrite[] = [{ write: 'currentTerm', currentTerm: m.term }];", replace: 'const persist: PersistWrite[] = [];' },
    ],
  },
  // AppendEntries, receiver (AE-1 .. AE-5, C-3).
  {
    id: 'accept-stale-append',
    title: 'accept an AppendEntries of an older term',
    rules: ['AE-1'],
    why: 'Without the term check a deposed leader can still write entries into followers\' logs and overwrite what the new leader replicated.',
    edits: [{ file: AE, find: '  if (!current) return enabled(action, s, { send: [reply(false, 0)] });\n', replace: '' }],
  },
  {
    id: 'append-reply-request-term',
    title: 'answer an AppendEntries with the request\'s term instead of currentTerm',
    rules: ['AE-1'],
    why: 'A stale leader refused with its own term never learns of the newer term and keeps sending.',
    edits: [{ file: AE, find: '    term: s.currentTerm,\n    success,', replace: '    term: m.term,\n    success,' }],
  },
  {
    id: 'candidate-ignores-leader',
    title: 'a candidate stays a candidate when the leader of its term appends',
    rules: ['C-3'],
    why: 'A candidate that accepts the entries but not the leader keeps campaigning and can disrupt the term with timeouts.',
    edits: [{ file: AE, find: 'const follower = toFollower(s);', replace: 'const follower = s;' }],
  },
  {
    id: 'skip-prev-log-check',
    title: 'skip the prevLogIndex/prevLogTerm consistency check',
    rules: ['AE-2'],
    why: 'Appending without the consistency check splices entries onto a log that does not match the leader\'s, breaking Log Matching.',
    edits: [{ file: AE, find: 'return m.prevLogIndex === 0 || termAt(log, m.prevLogIndex) === m.prevLogTerm;', replace: 'return true;' }],
  },
  {
    id: 'prev-log-index-only',
    title: 'check that prevLogIndex exists but not its term',
    rules: ['AE-2'],
    why: 'Checking only the length of the log accepts entries after an entry of another leader, so two logs agree at an index but not before it.',
    edits: [{ file: AE, find: 'return m.prevLogIndex === 0 || termAt(log, m.prevLogIndex) === m.prevLogTerm;', replace: 'return m.prevLogIndex <= log.length;' }],
  },
  {
    id: 'no-truncate-on-conflict',
    title: 'keep conflicting entries instead of deleting them',
    rules: ['AE-3'],
    why: 'A follower that only appends past its end keeps entries of a deposed leader that the new leader\'s log contradicts.',
    edits: [{ file: AE, find: '  if (conflict >= 0) {', replace: '  if (false) {' }],
  },
  {
    id: 'truncate-without-conflict',
    title: 'replace everything after prevLogIndex, conflict or not',
    rules: ['AE-3', 'AE-4'],
    why: 'Truncating unconditionally lets a stale, reordered AppendEntries erase newer entries that were already acknowledged, and so possibly committed.',
    edits: [
      {
        file: AE,
        find: '  if (m.entries.length <= present) return undefined;\n  return { from: toIndex(log.length + 1), entries: m.entries.slice(present) };',
        replace: '  if (m.entries.length === present) return undefined;\n  return { from: toIndex(m.prevLogIndex + 1), entries: m.entries };',
      },
    ],
  },
  {
    id: 'commit-index-backwards',
    title: 'a late AppendEntries lowers the follower\'s commitIndex',
    rules: ['AE-5', 'D-9'],
    why: 'Applying min(leaderCommit, last new entry) literally when a stale request arrives moves commitIndex below lastApplied.',
    edits: [
      {
        file: AE,
        find: 'return toIndex(Math.max(commitIndex, Math.min(m.leaderCommit, m.prevLogIndex + m.entries.length)));',
        replace: 'return toIndex(Math.min(m.leaderCommit, m.prevLogIndex + m.entries.length));',
      },
    ],
  },
  {
    id: 'commit-beyond-new-entries',
    title: 'a follower commits up to leaderCommit past its last new entry',
    rules: ['AE-5'],
    why: 'Taking min(leaderCommit, last log index) instead of the last new entry commits entries past what the leader vouched for, which may be another leader\'s.',
    edits: [
      {
        file: AE,
        find: 'commitIndex: followerCommitIndex(s.commitIndex, m)',
        replace: 'commitIndex: followerCommitIndex(s.commitIndex, { ...m, entries: log.slice(m.prevLogIndex) })',
      },
    ],
  },
  // AppendEntries, leader (L-1, L-3, L-3a, L-3b, D-5).
  {
    id: 'client-entry-not-persisted',
    title: 'a leader sends a new entry before it is on its own disk',
    rules: ['L-2', 'P-1'],
    why: 'An entry replicated but not persisted by the leader is lost if it crashes, although it counted towards the majority that committed it.',
    edits: [
      {
        file: LEADER,
        find: "{ persist: [{ write: 'log', from: toIndex(lastIndex(s.log) + 1), entries: [entry] }] },",
        replace: '{},',
      },
    ],
  },
  {
    id: 'heartbeat-leader-commit-last-index',
    title: 'a heartbeat carries the leader\'s last index as leaderCommit',
    rules: ['L-1', 'AE-5'],
    why: 'A heartbeat path that fills leaderCommit from the last log index tells followers to commit entries no majority holds.',
    edits: [{ file: LEADER, find: 'leaderCommit: s.commitIndex,', replace: 'leaderCommit: n === 0 ? lastIndex(s.log) : s.commitIndex,' }],
  },
  {
    id: 'next-index-not-decremented',
    title: 'a refused AppendEntries leaves nextIndex where it was',
    rules: ['L-3b'],
    why: 'Without the decrement the leader retries the same mismatching prevLogIndex forever and the follower never catches up.',
    edits: [{ file: AE, find: 'const back = toIndex(Math.max(nextIndex - 1, matchIndex + 1));', replace: 'const back = toIndex(nextIndex);' }],
  },
  {
    id: 'decrement-without-floor',
    title: 'a refused AppendEntries decrements nextIndex with no floor',
    rules: ['L-3b', 'D-5'],
    why: 'Only the answer to the current probe moves nextIndex, but a duplicate of it arriving after the follower caught up takes nextIndex to matchIndex or below; nothing keeps it at 1 or more either.',
    edits: [{ file: AE, find: 'const back = toIndex(Math.max(nextIndex - 1, matchIndex + 1));', replace: 'const back = toIndex(nextIndex - 1);' }],
  },
  {
    id: 'stale-failure-decrements',
    title: 'every refused AppendEntries decrements nextIndex, stale ones included',
    rules: ['L-3b', 'D-5'],
    why: 'A reordered or duplicated refusal decrements nextIndex again, to matchIndex or below, even to 0 (no entry 0 to send from).',
    edits: [
      {
        file: AE,
        find: '  if (m.prevLogIndex + 1 !== nextIndex) return enabled(action, s);\n  const back = toIndex(Math.max(nextIndex - 1, matchIndex + 1));',
        replace: '  const back = toIndex(nextIndex - 1);',
      },
    ],
  },
  {
    id: 'match-index-backwards',
    title: 'a reordered success moves matchIndex back',
    rules: ['L-3a'],
    why: 'Setting matchIndex from whatever reply arrives last lets a delayed reply to an older request undo progress the leader already counted.',
    edits: [{ file: AE, find: 'toIndex(Math.max(matchIndex, m.matchIndex))', replace: 'toIndex(m.matchIndex)' }],
  },
  {
    id: 'next-index-behind-match',
    title: 'a reordered success moves nextIndex back to or below matchIndex',
    rules: ['L-3a', 'D-5'],
    why: 'Setting nextIndex from a stale reply while matchIndex only grows leaves nextIndex <= matchIndex: the leader resends entries the follower is known to hold.',
    edits: [{ file: AE, find: 'toIndex(Math.max(nextIndex, m.matchIndex + 1))', replace: 'toIndex(m.matchIndex + 1)' }],
  },
  // Commit (L-4).
  {
    id: 'commit-previous-term',
    title: 'a leader commits an entry of an earlier term by counting replicas (Figure 8)',
    rules: ['L-4'],
    why: 'The Figure 8 bug: an entry of an earlier term on a majority can still be overwritten by a later leader, so counting replicas only commits entries of the current term.',
    edits: [{ file: 'src/commit.ts', find: '    if (termAt(s.log, n) === s.currentTerm) return toIndex(n);', replace: '    return toIndex(n);' }],
  },
  {
    id: 'commit-quorum-even-size',
    title: 'the commit quorum is one short with an even number of servers',
    rules: ['L-4'],
    why: 'Picking the median index at (N - 1) / 2 instead of N / 2 counts half the servers of an even-sized cluster as a majority, so an entry can be committed on a minority that a new leader lacks.',
    edits: [{ file: 'src/quorum.ts', find: 'sorted[Math.floor(sorted.length / 2)]', replace: 'sorted[Math.floor((sorted.length - 1) / 2)]' }],
  },
  // Applying (ALL-1).
  {
    id: 'apply-uncommitted',
    title: 'apply the next entry when it is not committed',
    rules: ['ALL-1'],
    why: 'An off-by-one in commitIndex > lastApplied applies an entry no majority holds, which a later leader may overwrite after the client saw its result.',
    edits: [{ file: APPLY, find: 'if (!(s.commitIndex > s.lastApplied)) {', replace: 'if (!(s.commitIndex >= s.lastApplied)) {' }],
  },
  {
    id: 'apply-out-of-order',
    title: 'apply the entry at commitIndex instead of lastApplied + 1',
    rules: ['ALL-1'],
    why: 'Applying the newest committed entry first skips the ones before it, so replicas apply commands in different orders.',
    edits: [{ file: APPLY, find: 'const entry = entryAt(s.log, index);', replace: 'const entry = entryAt(s.log, s.commitIndex);' }],
  },
  // Restart (P-1).
  {
    id: 'restart-commit-from-log',
    title: 'a restarted server takes its whole stored log as committed',
    rules: ['P-1'],
    why: 'commitIndex is volatile; recovering it as the last stored index commits (and applies) entries that never reached a majority.',
    edits: [{ file: RESTART, find: '    commitIndex: toIndex(0),', replace: '    commitIndex: toIndex(log.length),' }],
  },
  {
    id: 'restart-loses-vote',
    title: 'a restarted server forgets whom it voted for',
    rules: ['P-1', 'RV-2'],
    why: 'Treating votedFor as volatile lets a server that crashed after voting vote again in the same term, for another candidate.',
    edits: [{ file: RESTART, find: '    votedFor,\n', replace: '    votedFor: null,\n' }],
  },
];

/** mutantById: the catalogued mutant with this id (throws on an unknown id: a test's typo). */
export function mutantById(id: string): Mutant {
  const m = MUTANTS.find((x) => x.id === id);
  if (m === undefined) throw new Error(`no mutant ${id} in the catalogue`);
  return m;
}
