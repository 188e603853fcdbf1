// actions: the implementation under test, as a table with one function per
// server action of spec/Raft.tla plus `receive`, the dispatcher. The
// replayer takes the table as a parameter (default: src/'s functions), so a
// test or a mutation tool can replace one action by a broken one and check
// that the conformance suite notices.
import {
  advanceCommitIndex,
  appendEntries,
  applyEntry,
  becomeLeader,
  clientRequest,
  dropStaleResponse,
  handleAppendEntriesRequest,
  handleAppendEntriesResponse,
  handleRequestVoteRequest,
  handleRequestVoteResponse,
  receive,
  requestVote,
  restart,
  timeout,
  updateTerm,
} from '../src/index.js';

export type Actions = {
  readonly restart: typeof restart;
  readonly timeout: typeof timeout;
  readonly requestVote: typeof requestVote;
  readonly becomeLeader: typeof becomeLeader;
  readonly clientRequest: typeof clientRequest;
  readonly appendEntries: typeof appendEntries;
  readonly advanceCommitIndex: typeof advanceCommitIndex;
  readonly applyEntry: typeof applyEntry;
  readonly updateTerm: typeof updateTerm;
  readonly handleRequestVoteRequest: typeof handleRequestVoteRequest;
  readonly handleRequestVoteResponse: typeof handleRequestVoteResponse;
  readonly handleAppendEntriesRequest: typeof handleAppendEntriesRequest;
  readonly handleAppendEntriesResponse: typeof handleAppendEntriesResponse;
  readonly dropStaleResponse: typeof dropStaleResponse;
  readonly receive: typeof receive;
};

/** SRC_ACTIONS: the implementation in src/. */
export const SRC_ACTIONS: Actions = {
  restart,
  timeout,
  requestVote,
  becomeLeader,
  clientRequest,
  appendEntries,
  advanceCommitIndex,
  applyEntry,
  updateTerm,
  handleRequestVoteRequest,
  handleRequestVoteResponse,
  handleAppendEntriesRequest,
  handleAppendEntriesResponse,
  dropStaleResponse,
  receive,
};
