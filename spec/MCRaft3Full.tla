----------------------------- MODULE MCRaft3Full -----------------------------
(***************************************************************************)
(* Three servers with terms up to 3, logs of two entries and one message   *)
(* in flight: room for three leaders in turn, each with entries the others *)
(* lack, and for a conflicting suffix of two entries that AE-3 truncates.  *)
(* Full tier: make check-full.                                             *)
(***************************************************************************)
EXTENDS RaftModel
=============================================================================
