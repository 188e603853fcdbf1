-------------------------------- MODULE Raft --------------------------------
(***************************************************************************)
(* Raft consensus, written from Figure 2 of "In Search of an Understandable *)
(* Consensus Algorithm (Extended Version)", Ongaro and Ousterhout, 2014.    *)
(*                                                                         *)
(* Every rule of Figure 2 has a short id, quoted in the comment of the     *)
(* action that implements it, in src/ next to the code that implements it *)
(* and in the tests that exercise it:                                      *)
(*                                                                         *)
(*   AppendEntries RPC, receiver   AE-1 .. AE-5                            *)
(*   RequestVote RPC, receiver     RV-1, RV-2                              *)
(*   Rules for all servers         ALL-1 (apply), ALL-2 (newer term)       *)
(*   Followers                     F-1 (answer RPCs), F-2 (time out)       *)
(*   Candidates                    C-1 (start election), C-2 (win),        *)
(*                                 C-3 (new leader seen), C-4 (re-elect)   *)
(*   Leaders                       L-1 (heartbeats), L-2 (client request), *)
(*                                 L-3 (send entries), L-3a (success),     *)
(*                                 L-3b (decrement on failure), L-4        *)
(*                                 (commit rule)                           *)
(*   State                         P-1 (persistent state survives a crash, *)
(*                                 volatile state is reinitialised)        *)
(*                                                                         *)
(* The departures from the literal Figure 2 are listed, with reasons, in   *)
(* spec/README.md (D-1, D-2, ...); the comments below name them where they *)
(* apply. This module is unbounded; the MC*.tla modules bound it.          *)
(***************************************************************************)
EXTENDS Naturals, Sequences, FiniteSets

-----------------------------------------------------------------------------
\* Constants

\* The set of servers.
CONSTANT Server

\* The values clients ask the replicated state machine to apply.
CONSTANT Value

\* The "null" of Figure 2's votedFor, distinct from every server.
CONSTANT Nil

\* Server roles.
Follower  == "Follower"
Candidate == "Candidate"
Leader    == "Leader"

\* Message types: exactly the four RPC halves of Figure 2.
RequestVoteRequest    == "RequestVoteRequest"
RequestVoteResponse   == "RequestVoteResponse"
AppendEntriesRequest  == "AppendEntriesRequest"
AppendEntriesResponse == "AppendEntriesResponse"

-----------------------------------------------------------------------------
\* Variables. All are declared in one VARIABLES statement (the embedded
\* checker keeps only the last VARIABLE statement of a module).

VARIABLES
    currentTerm,  \* persistent: latest term the server has seen
    votedFor,     \* persistent: candidate voted for in currentTerm, or Nil
    log,          \* persistent: sequence of [term, value] entries, first index 1
    state,        \* volatile: Follower, Candidate or Leader
    commitIndex,  \* volatile: highest index known to be committed
    lastApplied,  \* volatile: highest index applied to the state machine
    votesGranted, \* candidate: servers that granted their vote this term
    nextIndex,    \* leader: per peer, index of the next entry to send
    matchIndex,   \* leader: per peer, highest index known to be replicated
    messages      \* network: bag of messages in flight, message -> copies

serverVars    == <<currentTerm, votedFor, state>>
logVars       == <<log, commitIndex, lastApplied>>
candidateVars == <<votesGranted>>
leaderVars    == <<nextIndex, matchIndex>>
vars == <<serverVars, logVars, candidateVars, leaderVars, messages>>

-----------------------------------------------------------------------------
\* Helpers

Min(a, b) == IF a < b THEN a ELSE b
Max(a, b) == IF a > b THEN a ELSE b

\* Quorums are strict majorities of Server.
Quorum == {Q \in SUBSET Server : 2 * Cardinality(Q) > Cardinality(Server)}

Peers(i) == Server \ {i}

LastTerm(xlog) == IF Len(xlog) = 0 THEN 0 ELSE xlog[Len(xlog)].term

\* The initial value of the leader-only variables of one server.
InitNextIndex(i)  == [j \in Peers(i) |-> 1]
InitMatchIndex(i) == [j \in Peers(i) |-> 0]

\* The network is a bag: it loses, duplicates and reorders messages.
WithMessage(m, msgs) ==
    IF m \in DOMAIN msgs
    THEN [msgs EXCEPT ![m] = @ + 1]
    ELSE [x \in DOMAIN msgs \cup {m} |-> IF x = m THEN 1 ELSE msgs[x]]

WithoutMessage(m, msgs) ==
    IF msgs[m] > 1
    THEN [msgs EXCEPT ![m] = @ - 1]
    ELSE [x \in DOMAIN msgs \ {m} |-> msgs[x]]

Send(m)    == messages' = WithMessage(m, messages)
Discard(m) == messages' = WithoutMessage(m, messages)
Reply(response, request) ==
    messages' = WithMessage(response, WithoutMessage(request, messages))

-----------------------------------------------------------------------------
\* The decisions of Figure 2, one operator each. The broken variants in
\* spec/broken/ replace exactly one of these to show that the invariants
\* catch the bug.

\* RV-2 (§5.4.1): the candidate's log is at least as up-to-date as ours:
\* a later last term, or the same last term and at least as long.
CandidateLogUpToDate(i, m) ==
    \/ m.lastLogTerm > LastTerm(log[i])
    \/ /\ m.lastLogTerm = LastTerm(log[i])
       /\ m.lastLogIndex >= Len(log[i])

\* RV-2: votedFor is null or candidateId, and the log check passes.
GrantVote(i, m) ==
    /\ m.term = currentTerm[i]
    /\ votedFor[i] \in {Nil, m.candidateId}
    /\ CandidateLogUpToDate(i, m)

\* C-2: votes from a majority of servers (the candidate's own included).
HasQuorum(votes) == votes \in Quorum

\* AE-2: the log contains an entry at prevLogIndex whose term matches.
LogOk(i, m) ==
    \/ m.prevLogIndex = 0
    \/ /\ m.prevLogIndex <= Len(log[i])
       /\ log[i][m.prevLogIndex].term = m.prevLogTerm

\* AE-3 and AE-4, applied to a log that passed AE-2. Entry k of the request
\* goes to index prevLogIndex + k. If an existing entry conflicts with a new
\* one (same index, different terms), delete it and all that follow (AE-3);
\* then append the new entries not already in the log (AE-4). Entries that
\* do not conflict are kept, even past the last new entry: a stale, reordered
\* request must not erase entries a newer one appended.
FirstConflict(xlog, m) ==
    LET conflicts == {k \in 1..Len(m.entries) :
                        /\ m.prevLogIndex + k <= Len(xlog)
                        /\ xlog[m.prevLogIndex + k].term # m.entries[k].term}
    IN  IF conflicts = {} THEN 0 ELSE CHOOSE k \in conflicts : \A c \in conflicts : k <= c

NewLog(xlog, m) ==
    LET c    == FirstConflict(xlog, m)
        kept == IF c = 0 THEN xlog ELSE SubSeq(xlog, 1, m.prevLogIndex + c - 1)
        last == m.prevLogIndex + Len(m.entries)
    IN  IF last <= Len(kept)
        THEN kept
        ELSE kept \o SubSeq(m.entries, Len(kept) - m.prevLogIndex + 1, Len(m.entries))

\* AE-5: if leaderCommit > commitIndex, set commitIndex to
\* min(leaderCommit, index of last new entry).
FollowerCommitIndex(i, m) ==
    IF m.leaderCommit > commitIndex[i]
    THEN Max(commitIndex[i], Min(m.leaderCommit, m.prevLogIndex + Len(m.entries)))
    ELSE commitIndex[i]

\* L-4: the indexes N > commitIndex replicated on a majority (matchIndex of
\* the peers plus the leader itself) with log[N].term = currentTerm.
Agree(i, n) == {i} \cup {j \in Peers(i) : matchIndex[i][j] >= n}
CommittableIndexes(i) ==
    {n \in (commitIndex[i] + 1)..Len(log[i]) :
        /\ Agree(i, n) \in Quorum
        /\ log[i][n].term = currentTerm[i]}

-----------------------------------------------------------------------------
\* Initial state: every server a follower in term 0 with an empty log.

Init ==
    /\ currentTerm  = [i \in Server |-> 0]
    /\ votedFor     = [i \in Server |-> Nil]
    /\ log          = [i \in Server |-> <<>>]
    /\ state        = [i \in Server |-> Follower]
    /\ commitIndex  = [i \in Server |-> 0]
    /\ lastApplied  = [i \in Server |-> 0]
    /\ votesGranted = [i \in Server |-> {}]
    /\ nextIndex    = [i \in Server |-> InitNextIndex(i)]
    /\ matchIndex   = [i \in Server |-> InitMatchIndex(i)]
    /\ messages     = [m \in {} |-> 0]

-----------------------------------------------------------------------------
\* Actions of a single server.

\* P-1: server i crashes and restarts. currentTerm, votedFor and log were on
\* stable storage and survive; everything else is reinitialised.
Restart(i) ==
    /\ state'        = [state EXCEPT ![i] = Follower]
    /\ commitIndex'  = [commitIndex EXCEPT ![i] = 0]
    /\ lastApplied'  = [lastApplied EXCEPT ![i] = 0]
    /\ votesGranted' = [votesGranted EXCEPT ![i] = {}]
    /\ nextIndex'    = [nextIndex EXCEPT ![i] = InitNextIndex(i)]
    /\ matchIndex'   = [matchIndex EXCEPT ![i] = InitMatchIndex(i)]
    /\ UNCHANGED <<currentTerm, votedFor, log, messages>>

\* F-2, C-1, C-4: the election timeout of follower or candidate i elapses;
\* it becomes a candidate, increments currentTerm and votes for itself.
\* The RequestVote RPCs are sent by RequestVote(i, j), one peer a step.
Timeout(i) ==
    /\ state[i] \in {Follower, Candidate}
    /\ state'        = [state EXCEPT ![i] = Candidate]
    /\ currentTerm'  = [currentTerm EXCEPT ![i] = @ + 1]
    /\ votedFor'     = [votedFor EXCEPT ![i] = i]
    /\ votesGranted' = [votesGranted EXCEPT ![i] = {i}]
    /\ UNCHANGED <<log, commitIndex, lastApplied, leaderVars, messages>>

\* C-1: candidate i sends a RequestVote RPC to peer j that has not granted
\* its vote yet.
RequestVote(i, j) ==
    /\ state[i] = Candidate
    /\ j \in Peers(i) \ votesGranted[i]
    /\ Send([type         |-> RequestVoteRequest,
             from         |-> i,
             to           |-> j,
             term         |-> currentTerm[i],
             candidateId  |-> i,
             lastLogIndex |-> Len(log[i]),
             lastLogTerm  |-> LastTerm(log[i])])
    /\ UNCHANGED <<serverVars, logVars, candidateVars, leaderVars>>

\* C-2: candidate i has votes from a majority and becomes leader, with
\* nextIndex just past its last entry and matchIndex 0 for every peer.
BecomeLeader(i) ==
    /\ state[i] = Candidate
    /\ HasQuorum(votesGranted[i])
    /\ state'        = [state EXCEPT ![i] = Leader]
    /\ votesGranted' = [votesGranted EXCEPT ![i] = {}]
    /\ nextIndex'    = [nextIndex EXCEPT ![i] = [j \in Peers(i) |-> Len(log[i]) + 1]]
    /\ matchIndex'   = [matchIndex EXCEPT ![i] = InitMatchIndex(i)]
    /\ UNCHANGED <<currentTerm, votedFor, logVars, messages>>

\* L-2: leader i appends a client's command v to its log.
ClientRequest(i, v) ==
    /\ state[i] = Leader
    /\ log' = [log EXCEPT ![i] = Append(@, [term |-> currentTerm[i], value |-> v])]
    /\ UNCHANGED <<serverVars, commitIndex, lastApplied, candidateVars,
                   leaderVars, messages>>

\* L-1, L-3: leader i sends peer j an AppendEntries RPC carrying the n
\* entries that start at nextIndex[i][j]: none is a heartbeat (L-1), and n
\* may be less than all the entries the leader has past nextIndex (D-7).
AppendEntries(i, j, n) ==
    /\ state[i] = Leader
    /\ j \in Peers(i)
    /\ nextIndex[i][j] + n - 1 <= Len(log[i])
    /\ LET prevLogIndex == nextIndex[i][j] - 1
       IN  Send([type         |-> AppendEntriesRequest,
                 from         |-> i,
                 to           |-> j,
                 term         |-> currentTerm[i],
                 leaderId     |-> i,
                 prevLogIndex |-> prevLogIndex,
                 prevLogTerm  |-> IF prevLogIndex = 0 THEN 0
                                  ELSE log[i][prevLogIndex].term,
                 entries      |-> SubSeq(log[i], prevLogIndex + 1, prevLogIndex + n),
                 leaderCommit |-> commitIndex[i]])
    /\ UNCHANGED <<serverVars, logVars, candidateVars, leaderVars>>

\* L-4: leader i advances commitIndex to the largest N > commitIndex with a
\* majority of matchIndex >= N and log[N].term = currentTerm (D-4).
AdvanceCommitIndex(i) ==
    /\ state[i] = Leader
    /\ CommittableIndexes(i) # {}
    /\ LET n == CHOOSE n \in CommittableIndexes(i) :
                    \A k \in CommittableIndexes(i) : k <= n
       IN  commitIndex' = [commitIndex EXCEPT ![i] = n]
    /\ UNCHANGED <<serverVars, log, lastApplied, candidateVars, leaderVars,
                   messages>>

\* ALL-1: commitIndex > lastApplied: increment lastApplied and apply
\* log[lastApplied] to the state machine (one entry a step, in log order).
ApplyEntry(i) ==
    /\ commitIndex[i] > lastApplied[i]
    /\ lastApplied' = [lastApplied EXCEPT ![i] = @ + 1]
    /\ UNCHANGED <<serverVars, log, commitIndex, candidateVars, leaderVars,
                   messages>>

-----------------------------------------------------------------------------
\* Receiving a message m at server m.to.

\* ALL-2: the message carries a term T > currentTerm: set currentTerm = T
\* and convert to follower. The message stays in flight and is handled by a
\* later step in the new term (D-3).
UpdateTerm(m) ==
    LET i == m.to IN
    /\ m.term > currentTerm[i]
    /\ currentTerm'  = [currentTerm EXCEPT ![i] = m.term]
    /\ state'        = [state EXCEPT ![i] = Follower]
    /\ votedFor'     = [votedFor EXCEPT ![i] = Nil]
    /\ votesGranted' = [votesGranted EXCEPT ![i] = {}]
    /\ nextIndex'    = [nextIndex EXCEPT ![i] = InitNextIndex(i)]
    /\ matchIndex'   = [matchIndex EXCEPT ![i] = InitMatchIndex(i)]
    /\ UNCHANGED <<logVars, messages>>

\* RV-1, RV-2, F-1: server i answers a RequestVote RPC of its own term or an
\* older one. RV-1: reply false if term < currentTerm. RV-2: grant the vote
\* if votedFor is null or candidateId and the candidate's log is at least as
\* up-to-date; the vote is persisted before the reply is sent (P-1).
HandleRequestVoteRequest(m) ==
    LET i     == m.to
        grant == GrantVote(i, m)
    IN
    /\ m.type = RequestVoteRequest
    /\ m.term <= currentTerm[i]
    /\ votedFor' = [votedFor EXCEPT ![i] = IF grant THEN m.candidateId ELSE @]
    /\ Reply([type        |-> RequestVoteResponse,
              from        |-> i,
              to          |-> m.from,
              term        |-> currentTerm[i],
              voteGranted |-> grant], m)
    /\ UNCHANGED <<currentTerm, state, logVars, candidateVars, leaderVars>>

\* C-2: a candidate counts a vote of its current term. A response of the
\* current term that finds i no longer a candidate (it won, or it heard from
\* the new leader) changes nothing else.
HandleRequestVoteResponse(m) ==
    LET i == m.to IN
    /\ m.type = RequestVoteResponse
    /\ m.term = currentTerm[i]
    /\ votesGranted' =
           [votesGranted EXCEPT ![i] =
               IF state[i] = Candidate /\ m.voteGranted THEN @ \cup {m.from} ELSE @]
    /\ Discard(m)
    /\ UNCHANGED <<serverVars, logVars, leaderVars>>

\* AE-1 .. AE-5, C-3, F-1: server i answers an AppendEntries RPC of its own
\* term or an older one.
\*   AE-1: reply false if term < currentTerm.
\*   C-3:  a candidate that hears from the leader of its term becomes a
\*         follower.
\*   AE-2: reply false if the log has no entry at prevLogIndex whose term
\*         matches prevLogTerm.
\*   AE-3, AE-4: see NewLog.  AE-5: see FollowerCommitIndex.
\* A successful reply reports the index of the last new entry (D-2).
HandleAppendEntriesRequest(m) ==
    LET i       == m.to
        current == m.term = currentTerm[i]
        ok      == current /\ LogOk(i, m)
    IN
    /\ m.type = AppendEntriesRequest
    /\ m.term <= currentTerm[i]
    /\ state' = [state EXCEPT ![i] = IF current THEN Follower ELSE @]
    /\ votesGranted' = [votesGranted EXCEPT ![i] = IF current THEN {} ELSE @]
    /\ log' = [log EXCEPT ![i] = IF ok THEN NewLog(@, m) ELSE @]
    /\ commitIndex' =
           [commitIndex EXCEPT ![i] = IF ok THEN FollowerCommitIndex(i, m) ELSE @]
    /\ Reply([type         |-> AppendEntriesResponse,
              from         |-> i,
              to           |-> m.from,
              term         |-> currentTerm[i],
              success      |-> ok,
              prevLogIndex |-> m.prevLogIndex,
              matchIndex   |-> IF ok THEN m.prevLogIndex + Len(m.entries) ELSE 0],
             m)
    /\ UNCHANGED <<currentTerm, votedFor, lastApplied, leaderVars>>

\* L-3a, L-3b: leader i handles an AppendEntries response of its own term.
\*   L-3a: success: update nextIndex and matchIndex for the follower. Both
\*         only move forward, so a reordered response cannot undo progress.
\*   L-3b: failure because of a log inconsistency: decrement nextIndex (the
\*         retry is a later AppendEntries step). A failure that answers an
\*         earlier probe than the current nextIndex is stale and ignored,
\*         and nextIndex never drops to matchIndex or below (D-5).
HandleAppendEntriesResponse(m) ==
    LET i == m.to
        j == m.from
    IN
    /\ m.type = AppendEntriesResponse
    /\ m.term = currentTerm[i]
    /\ state[i] = Leader
    /\ \/ /\ m.success
          /\ matchIndex' = [matchIndex EXCEPT ![i][j] = Max(@, m.matchIndex)]
          /\ nextIndex'  = [nextIndex EXCEPT ![i][j] = Max(@, m.matchIndex + 1)]
       \/ /\ ~m.success
          /\ nextIndex' = [nextIndex EXCEPT ![i][j] =
                              IF m.prevLogIndex + 1 = @
                              THEN Max(@ - 1, matchIndex[i][j] + 1)
                              ELSE @]
          /\ UNCHANGED matchIndex
    /\ Discard(m)
    /\ UNCHANGED <<serverVars, logVars, candidateVars>>

\* D-3: a response from an older term answers a request of a term server i
\* has left; it is discarded unread.
DropStaleResponse(m) ==
    LET i == m.to IN
    /\ m.type \in {RequestVoteResponse, AppendEntriesResponse}
    /\ m.term < currentTerm[i]
    /\ Discard(m)
    /\ UNCHANGED <<serverVars, logVars, candidateVars, leaderVars>>

-----------------------------------------------------------------------------
\* The network's own steps.

\* The network loses one copy of m.
DropMessage(m) ==
    /\ Discard(m)
    /\ UNCHANGED <<serverVars, logVars, candidateVars, leaderVars>>

\* The network delivers one more copy of m than was sent.
DuplicateMessage(m) ==
    /\ Send(m)
    /\ UNCHANGED <<serverVars, logVars, candidateVars, leaderVars>>

-----------------------------------------------------------------------------
\* Every step is one named action with its arguments.

Next ==
    \/ \E i \in Server : Restart(i)
    \/ \E i \in Server : Timeout(i)
    \/ \E i, j \in Server : RequestVote(i, j)
    \/ \E i \in Server : BecomeLeader(i)
    \/ \E i \in Server, v \in Value : ClientRequest(i, v)
    \/ \E i, j \in Server : \E n \in 0..Len(log[i]) : AppendEntries(i, j, n)
    \/ \E i \in Server : AdvanceCommitIndex(i)
    \/ \E i \in Server : ApplyEntry(i)
    \/ \E m \in DOMAIN messages : UpdateTerm(m)
    \/ \E m \in DOMAIN messages : HandleRequestVoteRequest(m)
    \/ \E m \in DOMAIN messages : HandleRequestVoteResponse(m)
    \/ \E m \in DOMAIN messages : HandleAppendEntriesRequest(m)
    \/ \E m \in DOMAIN messages : HandleAppendEntriesResponse(m)
    \/ \E m \in DOMAIN messages : DropStaleResponse(m)
    \/ \E m \in DOMAIN messages : DropMessage(m)
    \/ \E m \in DOMAIN messages : DuplicateMessage(m)

Spec == Init /\ [][Next]_vars

-----------------------------------------------------------------------------
\* Invariants.

Entry == [term : Nat, value : Value]

\* The shape of every variable. Message fields are checked per type.
RequestVoteRequestOk(m) ==
    /\ m.candidateId = m.from
    /\ m.lastLogIndex \in Nat /\ m.lastLogTerm \in Nat
ResponseOk(m) ==
    \/ m.type = RequestVoteResponse /\ m.voteGranted \in BOOLEAN
    \/ /\ m.type = AppendEntriesResponse
       /\ m.success \in BOOLEAN
       /\ m.prevLogIndex \in Nat /\ m.matchIndex \in Nat
AppendEntriesRequestOk(m) ==
    /\ m.leaderId = m.from
    /\ m.prevLogIndex \in Nat /\ m.prevLogTerm \in Nat
    /\ \A k \in 1..Len(m.entries) : m.entries[k] \in Entry
    /\ m.leaderCommit \in Nat
MessageOk(m) ==
    /\ m.from \in Server /\ m.to \in Server /\ m.from # m.to
    /\ m.term \in Nat
    /\ \/ m.type = RequestVoteRequest /\ RequestVoteRequestOk(m)
       \/ m.type = AppendEntriesRequest /\ AppendEntriesRequestOk(m)
       \/ ResponseOk(m)

TypeOK ==
    /\ currentTerm \in [Server -> Nat]
    /\ votedFor \in [Server -> Server \cup {Nil}]
    /\ \A i \in Server : \A k \in 1..Len(log[i]) : log[i][k] \in Entry
    /\ state \in [Server -> {Follower, Candidate, Leader}]
    /\ commitIndex \in [Server -> Nat]
    /\ lastApplied \in [Server -> Nat]
    /\ votesGranted \in [Server -> SUBSET Server]
    /\ \A i \in Server : nextIndex[i] \in [Peers(i) -> Nat \ {0}]
    /\ \A i \in Server : matchIndex[i] \in [Peers(i) -> Nat]
    /\ \A m \in DOMAIN messages : MessageOk(m) /\ messages[m] \in Nat \ {0}

\* Candidate-only and leader-only variables hold their initial values on
\* servers in other roles, so each role's state is exactly its own fields.
RoleFieldsClean ==
    \A i \in Server :
        /\ state[i] # Candidate => votesGranted[i] = {}
        /\ state[i] # Leader =>
               /\ nextIndex[i] = InitNextIndex(i)
               /\ matchIndex[i] = InitMatchIndex(i)

\* Election Safety: at most one leader can be elected in a given term.
ElectionSafety ==
    \A i, j \in Server :
        (state[i] = Leader /\ state[j] = Leader /\ currentTerm[i] = currentTerm[j])
            => i = j

\* Log Matching: if two logs contain an entry with the same index and term,
\* the logs are identical in all entries up through that index.
LogMatching ==
    \A i, j \in Server : \A n \in 1..Min(Len(log[i]), Len(log[j])) :
        log[i][n].term = log[j][n].term =>
            SubSeq(log[i], 1, n) = SubSeq(log[j], 1, n)

\* Leader Completeness: an entry committed at server i is in the log of every
\* leader of a term at least currentTerm[i]. (Server i learned that the entry
\* is committed in a term no later than its own, and every leader of a later
\* term, or the leader of that term, holds it.)
LeaderCompleteness ==
    \A i, j \in Server :
        (state[j] = Leader /\ currentTerm[j] >= currentTerm[i]) =>
            \A n \in 1..Min(commitIndex[i], Len(log[i])) :
                /\ n <= Len(log[j])
                /\ log[j][n] = log[i][n]

\* State Machine Safety: no two servers have applied different entries at
\* the same index. (Indexes past the end of a log are IndexesInLog's to
\* report; the Min keeps this invariant defined when that one fails.)
StateMachineSafety ==
    \A i, j \in Server :
        \A n \in 1..Min(Min(lastApplied[i], Len(log[i])), Min(lastApplied[j], Len(log[j]))) :
            log[i][n] = log[j][n]

\* Volatile indexes stay within the log: lastApplied <= commitIndex <= Len(log).
IndexesInLog ==
    \A i \in Server : lastApplied[i] <= commitIndex[i] /\ commitIndex[i] <= Len(log[i])

\* A leader's nextIndex for a peer is always past its matchIndex (L-3a, L-3b).
NextIndexAboveMatch ==
    \A i \in Server : state[i] = Leader =>
        \A j \in Peers(i) : matchIndex[i][j] < nextIndex[i][j] /\ matchIndex[i][j] <= Len(log[i])

-----------------------------------------------------------------------------
\* Action properties. Each is written as an operator over two snapshots, so
\* that it can be checked both as [][...]_vars (TLC) and, by the embedded
\* checker, as an invariant over a history variable (scripts/tla).

\* Leader Append-Only: a leader never overwrites or deletes entries in its
\* log; it only appends.
LeaderAppendOnlyStep(old, new) ==
    \A i \in Server :
        (old[1][i] = Leader /\ new[1][i] = Leader) =>
            /\ Len(old[2][i]) <= Len(new[2][i])
            /\ SubSeq(new[2][i], 1, Len(old[2][i])) = old[2][i]

LeaderAppendOnly == [][LeaderAppendOnlyStep(<<state, log>>, <<state', log'>>)]_vars

\* commitIndex never decreases, except when a restart reinitialises the
\* volatile state (P-1): then commitIndex and lastApplied are both 0.
CommitIndexMonotonicStep(old, new) ==
    \A i \in Server :
        \/ new[1][i] >= old[1][i]
        \/ new[1][i] = 0 /\ new[2][i] = 0

CommitIndexMonotonic ==
    [][CommitIndexMonotonicStep(<<commitIndex, lastApplied>>,
                                <<commitIndex', lastApplied'>>)]_vars

=============================================================================
