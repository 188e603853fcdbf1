----------------------------- MODULE RaftModel -----------------------------
(***************************************************************************)
(* Bounds shared by the models MC*.tla. Raft's state space is infinite      *)
(* (terms, logs and the network grow without limit); a model explores the  *)
(* behaviours within these bounds. The bounds are an ACTION_CONSTRAINT: a   *)
(* step whose result is out of bounds is not taken, so states beyond the   *)
(* bounds are never generated (a state CONSTRAINT would still count them,  *)
(* several times over the states within bounds, and both checkers agree   *)
(* on either).                                                             *)
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

\* The number of messages in a bag, copies included.
InFlight(msgs) ==
    LET F[S \in SUBSET DOMAIN msgs] ==
            IF S = {} THEN 0
            ELSE LET m == CHOOSE x \in S : TRUE IN msgs[m] + F[S \ {m}]
    IN  F[DOMAIN msgs]

WithinBounds(terms, logs, msgs) ==
    /\ \A i \in Server : terms[i] <= MaxTerm
    /\ \A i \in Server : Len(logs[i]) <= MaxLogLength
    /\ InFlight(msgs) <= MaxMessages
    /\ \A m \in DOMAIN msgs : msgs[m] <= MaxCopies

\* The ACTION_CONSTRAINT: the step stays within the bounds. (Written over
\* primed variables, not as a primed operator, which tla-checker 0.9.0
\* cannot evaluate.)
StepWithinBounds == WithinBounds(currentTerm', log', messages')

\* Servers are interchangeable. (Values are too, but the models use one
\* value or two, and tla-checker 0.9.0 silently ignores a SYMMETRY set that
\* is a union of permutation sets: measured, same count with and without.)
Symmetry == Permutations(Server)

=============================================================================
