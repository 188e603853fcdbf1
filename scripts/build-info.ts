// build-info.ts: the build's last step (npm run build, make build, npm's prepare): records the
// git commit being built in dist/build-info.json, so that `raftref --version` and the trace
// headers still name it where there is no .git (a package installed from a tarball or a git
// URL). Without git, or outside a checkout, it records no commit and still succeeds.
import fs from 'node:fs';
import path from 'node:path';
import { repoDir } from '../conformance/spec-hash.js';
import { BUILD_INFO, gitCommit } from '../conformance/version.js';

const dir = repoDir();
const commit = gitCommit(dir);
fs.writeFileSync(path.join(dir, BUILD_INFO), `${JSON.stringify(commit === undefined ? {} : { commit })}\n`);
console.log(`${BUILD_INFO}: ${commit === undefined ? 'no git commit known' : `commit ${commit}`}`);
