--------------------------- MODULE MCRaft3Diverge ---------------------------
(***************************************************************************)
(* Three servers with bounds large enough for logs to diverge: a leader    *)
(* appends entries it cannot replicate, a new leader of a later term       *)
(* appends different entries at the same indexes, and followers must      *)
(* truncate the conflicting suffix (AE-3). Full tier (make check-full).    *)
(*                                                                         *)
(* DivergenceWitness is not an invariant of Raft: it is violated exactly   *)
(* when two servers hold different entries at the same index, and the      *)
(* model-checking run requires that violation to be reachable (see         *)
(* MCRaft3DivergeWitness.cfg), proving the bounds are not vacuous.        *)
(***************************************************************************)
EXTENDS RaftModel

DivergenceWitness ==
    \A i, j \in Server : \A n \in 1..Min(Len(log[i]), Len(log[j])) :
        log[i][n] = log[j][n]
=============================================================================
