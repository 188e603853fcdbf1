----------------------------- MODULE MCRaft3Dup -----------------------------
(***************************************************************************)
(* MCRaft3 with room for a duplicate: two copies may be in flight, but of  *)
(* one message only. MCRaft3 counts copies against MaxMessages = 1, so its *)
(* network can never duplicate; here every action of Next fires in a       *)
(* three-server model (raftref check prints the transitions per action).   *)
(***************************************************************************)
EXTENDS RaftModel

\* At most one distinct message in flight (its copies are bounded by MaxCopies).
OneDistinctMessage == Cardinality(DOMAIN messages') <= 1
=============================================================================
