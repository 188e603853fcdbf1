----------------------------- MODULE NoTruncate -----------------------------
\* model: MCRaft3
\* expect: violation
\* why: AE-3 skipped: a follower keeps an entry that conflicts with the
\*      leader's and still reports success, so the leader commits an index
\*      at which the two logs differ (Log Matching, State Machine Safety).
NewLog(xlog, m) ==
    IF m.prevLogIndex + Len(m.entries) <= Len(xlog)
    THEN xlog
    ELSE xlog \o SubSeq(m.entries, Len(xlog) - m.prevLogIndex + 1, Len(m.entries))
=============================================================================
