--------------------------- MODULE NoUpToDateCheck ---------------------------
\* model: MCRaft3
\* expect: violation
\* why: RV-2 without the up-to-date check (§5.4.1): a server that lacks a
\*      committed entry wins an election (Leader Completeness).
CandidateLogUpToDate(i, m) == TRUE
=============================================================================
