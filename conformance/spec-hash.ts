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
 * defaultSpecFile: spec/Raft.tla of this repository, found from this
 * module's directory upwards (conformance/ when run from source,
 * dist/conformance/ when built).
 */
export function defaultSpecFile(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'spec', 'Raft.tla');
    if (fs.existsSync(candidate)) return candidate;
    const up = path.dirname(dir);
    if (up === dir) return path.join('spec', 'Raft.tla');
    dir = up;
  }
}
