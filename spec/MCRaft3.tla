------------------------------ MODULE MCRaft3 ------------------------------
(***************************************************************************)
(* Three servers: a leader needs one other vote, so two servers can form a *)
(* majority without the third. Small bounds keep it in the fast tier.      *)
(***************************************************************************)
EXTENDS RaftModel
=============================================================================
