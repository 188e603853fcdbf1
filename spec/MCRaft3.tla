------------------------------ MODULE MCRaft3 ------------------------------
(***************************************************************************)
(* Three servers: a leader needs one other vote, so two servers can elect  *)
(* a leader while the third holds entries they lack. With terms up to 2    *)
(* and one entry per log the logs already diverge: the leader of term 1    *)
(* appends an entry it cannot replicate, the leader of term 2 appends a    *)
(* different one at the same index, and AE-3 must truncate.                *)
(*                                                                         *)
(* That the bounds reach such states is shown by the traces generated from *)
(* this model: `raftref replay --coverage traces/` counts the AE-3 steps   *)
(* (a follower truncating a conflicting suffix).                           *)
(***************************************************************************)
EXTENDS RaftModel

=============================================================================
