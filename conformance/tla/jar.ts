// jar.ts: finding Java and checking tla2tools.jar before TLC runs, so that a missing JDK or
// a wrong jar is a one-line error (exit 2), and the pinned download for `make check-tlc`.

import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from './errors.js';

/** How long `java -version` may take before the java is judged unusable. */
export const JAVA_VERSION_TIMEOUT_MS = 10_000;

/** The `java` to run: $JAVA_HOME/bin/java or `java` on PATH; UserError when absent, or when `java -version` fails or does not finish. */
export function findJava(env: NodeJS.ProcessEnv = process.env, timeoutMs = JAVA_VERSION_TIMEOUT_MS): string {
  const candidate = env['JAVA_HOME'] ? path.join(env['JAVA_HOME'], 'bin', 'java') : 'java';
  const r = spawnSync(candidate, ['-version'], { encoding: 'utf8', env, timeout: timeoutMs, killSignal: 'SIGKILL', stdio: ['ignore', 'pipe', 'pipe'] });
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') {
    throw new UserError(candidate, undefined, `\`java -version\` did not finish in ${timeoutMs / 1000} s`, 'fix the Java installation or set JAVA_HOME');
  }
  if (r.error !== undefined || r.status !== 0) {
    throw new UserError('java', undefined, 'java not found: install a JDK 11+ (e.g. apt-get install openjdk-17-jre-headless)', 'or set JAVA_HOME');
  }
  return candidate;
}

/** Names of the entries of a zip file, read from its central directory. */
export function zipEntries(file: string): string[] {
  const buf = fs.readFileSync(file);
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return [];
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) return [];
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count && at + 46 <= buf.length && buf.readUInt32LE(at) === 0x02014b50; i++) {
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    names.push(buf.subarray(at + 46, at + 46 + nameLen).toString('utf8'));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const lowest = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= lowest; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}

/** Checks that TLA2TOOLS_JAR names a zip holding tlc2/TLC.class; returns its path. */
export function checkJar(jar: string | undefined): string {
  const todo = 'set TLA2TOOLS_JAR to tla2tools.jar (make check-tlc downloads the pinned one)';
  if (jar === undefined || jar === '') throw new UserError('TLA2TOOLS_JAR', undefined, 'not set', todo);
  if (!fs.existsSync(jar) || !fs.statSync(jar).isFile()) throw new UserError(jar, undefined, 'TLA2TOOLS_JAR: no such file', todo);
  const entries = zipEntries(jar);
  if (entries.length === 0) throw new UserError(jar, undefined, 'TLA2TOOLS_JAR is not a jar (zip) file', todo);
  if (!entries.includes('tlc2/TLC.class')) throw new UserError(jar, undefined, 'TLA2TOOLS_JAR holds no tlc2/TLC.class: not tla2tools.jar', todo);
  return jar;
}

export function sha256(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** Moves `downloaded` to `out` when its SHA-256 is `expected`; deletes it otherwise. */
export function installVerified(downloaded: string, expected: string, out: string): void {
  const actual = sha256(downloaded);
  if (actual !== expected.toLowerCase()) {
    fs.rmSync(downloaded, { force: true });
    throw new UserError(out, undefined, `SHA-256 mismatch: got ${actual}, expected ${expected}; the download was deleted`, 'check the pinned URL and checksum');
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.renameSync(downloaded, out);
}

export type Download = (url: string, to: string) => Promise<void>;

const httpDownload: Download = async (url, to) => {
  const res = await fetch(url);
  if (!res.ok) throw new UserError(url, undefined, `download failed: HTTP ${res.status}`, 'check the network or set TLA2TOOLS_JAR');
  fs.writeFileSync(to, Buffer.from(await res.arrayBuffer()));
};

/** Downloads the pinned jar into `out` (unless already there and verified). */
export async function fetchJar(url: string, expected: string, out: string, download: Download = httpDownload): Promise<void> {
  if (fs.existsSync(out) && sha256(out) === expected.toLowerCase()) return;
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.part`;
  try {
    await download(url, tmp);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    if (e instanceof UserError) throw e;
    throw new UserError(url, undefined, `download failed: ${e instanceof Error ? e.message : String(e)}`, 'check the network or set TLA2TOOLS_JAR');
  }
  installVerified(tmp, expected, out);
}
