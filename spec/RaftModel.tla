----------------------------- MODULE RaftModel -----------------------------
(***************************************************************************)
(* Bounds shared by the models MC*.tla. Raft's state space is infinite      *)
(* (terms, logs and the network grow without limit); a model explores the  *)
(* states within these bounds. StateConstraint is a CONSTRAINT: a state     *)
(* outside the bounds is still checked against the invariants, but no      *)
(* successor of it is explored.                                             *)
(***************************************************************************)
EXTENDS Raft, TLC

\* Largest term a server may reach.
CONSTANT MaxTerm

\* Longest log a server may hold.
CONSTANT MaxLogLength

\* Most messages in flight at once, copies included.
CONSTANT MaxMessages

\* Most copies of one message in flight at once.
CONSTANT MaxCopies

\* Restarts are not bounded: a restart only resets volatile state, which
\* the bounds above already keep finite.

InFlight == LET F[S \in SUBSET DOMAIN messages] ==
                    IF S = {} THEN 0
                    ELSE LET m == CHOOSE x \in S : TRUE IN messages[m] + F[S \ {m}]
            IN  F[DOMAIN messages]

StateConstraint ==
    /\ \A i \in Server : currentTerm[i] <= MaxTerm
    /\ \A i \in Server : Len(log[i]) <= MaxLogLength
    /\ InFlight <= MaxMessages
    /\ \A m \in DOMAIN messages : messages[m] <= MaxCopies

\* Servers are interchangeable. (Values are too, but the models use one
\* value or two, and tla-checker 0.9.0 silently ignores a SYMMETRY set that
\* is a union of permutation sets: measured, same count with and without.)
Symmetry == Permutations(Server)

=============================================================================
