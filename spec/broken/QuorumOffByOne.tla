--------------------------- MODULE QuorumOffByOne ---------------------------
\* model: MCRaft2
\* expect: violation
\* why: C-2 with "at least half" instead of "more than half": with two
\*      servers each candidate's own vote is enough, and two leaders are
\*      elected in one term (Election Safety).
HasQuorum(votes) == 2 * Cardinality(votes) >= Cardinality(Server)
=============================================================================
