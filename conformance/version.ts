// version.ts: raftref's version as one string, `raftref 0.1.0 (git d03abda)`, the one lookup that
// `raftref --version`, every JSON report and every trace header use. The version is
// package.json's; the commit is git's HEAD when the package is a git checkout, else the one
// recorded at build time in dist/build-info.json (scripts/build-info.ts; an install from a
// tarball or a git URL has no .git), else none. Git being absent is never an error.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoDir } from './spec-hash.js';

/** BUILD_INFO: the file the build writes the commit into, relative to the package. */
export const BUILD_INFO = path.join('dist', 'build-info.json');

export type VersionInfo = { readonly version: string; readonly commit: string | undefined };

function readJson(file: string): Record<string, unknown> {
  try {
    const v: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** gitCommit: the short hash of HEAD of the git checkout `dir` (not of a repository around it), or undefined. */
export function gitCommit(dir: string): string | undefined {
  if (!fs.existsSync(path.join(dir, '.git'))) return undefined;
  try {
    const out = execFileSync('git', ['-C', dir, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    return /^[0-9a-f]{4,40}$/.test(out.trim()) ? out.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** versionInfo: the package's version and commit (see the file comment). */
export function versionInfo(dir = repoDir()): VersionInfo {
  const version = readJson(path.join(dir, 'package.json'))['version'];
  const recorded = readJson(path.join(dir, BUILD_INFO))['commit'];
  return {
    version: typeof version === 'string' ? version : 'unknown',
    commit: gitCommit(dir) ?? (typeof recorded === 'string' ? recorded : undefined),
  };
}

/** formatVersion: `raftref <version>`, with ` (git <commit>)` when the commit is known. */
export function formatVersion(info: VersionInfo): string {
  return `raftref ${info.version}${info.commit === undefined ? '' : ` (git ${info.commit})`}`;
}

let cached: string | undefined;

/** raftrefVersion: this package's version string, looked up once per process. */
export function raftrefVersion(): string {
  cached ??= formatVersion(versionInfo());
  return cached;
}
