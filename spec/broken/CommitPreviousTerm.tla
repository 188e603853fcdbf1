-------------------------- MODULE CommitPreviousTerm --------------------------
\* model: MCRaft3Fig8Script
\* expect: violation
\* why: L-4 without "log[N].term = currentTerm" (the bug of Figure 8, §5.4.2):
\*      a leader commits an entry of an earlier term by counting replicas,
\*      and a later leader overwrites it (Leader Completeness, State Machine
\*      Safety).
CommittableIndexes(i) ==
    {n \in (commitIndex[i] + 1)..Len(log[i]) : Agree(i, n) \in Quorum}
=============================================================================
