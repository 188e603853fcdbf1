------------------------- MODULE CommitBeyondLastNew -------------------------
\* model: MCRaft3
\* expect: violation
\* why: AE-5 without the min: a follower takes leaderCommit as its
\*      commitIndex even past the entries it holds (commitIndex <= Len(log)).
FollowerCommitIndex(i, m) == Max(commitIndex[i], m.leaderCommit)
=============================================================================
