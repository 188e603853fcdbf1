----------------------------- MODULE MCRaft3Full -----------------------------
(***************************************************************************)
(* Three servers with terms up to 3, logs of two entries and two messages  *)
(* in flight, two copies of one: room for three leaders in turn, each with *)
(* entries the others lack, conflicting suffixes of two entries, and every *)
(* network fault. Too large for tla-checker to finish (spec/README.md has  *)
(* the measurements); the trace corpus walks it (traces/README.md).        *)
(* Full tier: make check-full.                                             *)
(***************************************************************************)
EXTENDS RaftModel
=============================================================================
