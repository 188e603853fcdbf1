----------------------------- MODULE VoteTwice -----------------------------
\* model: MCRaft2
\* expect: violation
\* why: RV-2 without "votedFor is null or candidateId": a server grants a
\*      second vote in a term it already voted in, so two candidates of one
\*      term both collect a majority (Election Safety).
GrantVote(i, m) ==
    /\ m.term = currentTerm[i]
    /\ CandidateLogUpToDate(i, m)
=============================================================================
