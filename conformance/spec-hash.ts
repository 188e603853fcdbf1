// spec-hash: which spec a trace was generated from. A trace records
// "sha256:<hex>" of the bytes of spec/Raft.tla; the replayer refuses a
// trace of another version of the spec, whose states it would misjudge.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** specHashOf: "sha256:<hex digest>" of a file's bytes. */
export function specHashOf(file: string): string {
  return `sha256:${createHash('sha256').update(fs.readFileSync(file)).digest('hex')}`;
}

/**
 * repoDir: the repository this module belongs to: the first directory
 * from this module's upwards that holds spec/Raft.tla (conformance/ when
 * run from source, dist/conformance/ when built); the working directory if
 * there is none.
 */
export function repoDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'spec', 'Raft.tla'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return '.';
    dir = up;
  }
}

/**
 * fromPackage: a file of this package (spec/, out/, ...), as a path from the working
 * directory: the defaults resolve from the package, so raftref works from any directory,
 * and read as before ('spec', 'out/repro') from the repository root. Paths a user passes
 * stay relative to the working directory.
 */
export function fromPackage(...parts: string[]): string {
  return path.relative(process.cwd(), path.join(repoDir(), ...parts)) || '.';
}

/** defaultSpecFile: spec/Raft.tla of this repository. */
export function defaultSpecFile(): string {
  return path.join(repoDir(), 'spec', 'Raft.tla');
}
