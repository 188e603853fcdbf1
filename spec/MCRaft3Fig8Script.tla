------------------------- MODULE MCRaft3Fig8Script -------------------------
(***************************************************************************)
(* Figure 8 (section 5.4.2) small enough for `make check`: MCRaft3Fig8's    *)
(* fault-free behaviours in which the elections follow the figure's order: *)
(* s1 stands for the odd terms (1 and 3), s2 for the even ones (2 and 4),  *)
(* s3 never stands. Every behaviour of ScriptedNext is one of Next, so     *)
(* every invariant must hold here, and the Figure 8 bug (a leader of term  *)
(* 3 committing s1's term-1 entry by counting replicas, which s2 then     *)
(* overwrites in term 4) is still within reach. The servers are named, so  *)
(* the model has no SYMMETRY.                                              *)
(***************************************************************************)
EXTENDS RaftModel

CONSTANTS s1, s2, s3

\* The server that may stand for the term after t (Figure 8's order).
Stands(i) == i = IF currentTerm[i] % 2 = 0 THEN s1 ELSE s2

\* FaultFreeNext (MCRaft3Fig8) with Timeout restricted to the script.
ScriptedNext ==
    \/ \E i \in {j \in Server : Stands(j)} : Timeout(i)
    \/ \E i, j \in Server : RequestVote(i, j)
    \/ \E i \in Server : BecomeLeader(i)
    \/ \E i \in Server, v \in Value : ClientRequest(i, v)
    \/ \E i, j \in Server : \E n \in 0..Len(log[i]) : AppendEntries(i, j, n)
    \/ \E i \in Server : AdvanceCommitIndex(i)
    \/ \E m \in DOMAIN messages : UpdateTerm(m)
    \/ \E m \in DOMAIN messages : HandleRequestVoteRequest(m)
    \/ \E m \in DOMAIN messages : HandleRequestVoteResponse(m)
    \/ \E m \in DOMAIN messages : HandleAppendEntriesRequest(m)
    \/ \E m \in DOMAIN messages : HandleAppendEntriesResponse(m)
    \/ \E m \in DOMAIN messages : DropStaleResponse(m)
=============================================================================
