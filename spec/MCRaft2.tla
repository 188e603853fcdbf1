------------------------------ MODULE MCRaft2 ------------------------------
(***************************************************************************)
(* Two servers. Every election needs both votes, so this model exercises   *)
(* split votes, retries, replication and commits quickly; the bounds in    *)
(* MCRaft2.cfg keep it in the fast tier (make test).                       *)
(***************************************************************************)
EXTENDS RaftModel
=============================================================================
