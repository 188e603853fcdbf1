------------------------------ MODULE MCRaft3 ------------------------------
(***************************************************************************)
(* Three servers: a leader needs one other vote, so two servers can elect  *)
(* a leader while the third holds entries they lack. With terms up to 2    *)
(* and one entry per log the logs already diverge: the leader of term 1    *)
(* appends an entry it cannot replicate, the leader of term 2 appends a    *)
(* different one at the same index, and AE-3 must truncate.                *)
(*                                                                         *)
(* DivergenceWitness is not a property of Raft: it fails exactly when two  *)
(* servers hold different entries at one index. `raftref check` requires  *)
(* it to fail (spec/reachable/), which proves the bounds are not vacuous.  *)
(***************************************************************************)
EXTENDS RaftModel

DivergenceWitness ==
    \A i, j \in Server : \A n \in 1..Min(Len(log[i]), Len(log[j])) :
        log[i][n] = log[j][n]
=============================================================================
