import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { UserError } from './errors.js';
import { FIXTURES, fixtureModel } from './fixtures.js';
import { checkJar, fetchJar, findJava, installVerified, sha256, zipEntries } from './jar.js';
import { loadModel } from './model.js';
import { checkTlc, tlcArgs } from './tlc.js';
import { loadVariant } from './variants.js';

// Each case starts a worker or a process; the default 30 s per file is too short on 2 cores.
t.setTimeout(600_000);

/** A stored (uncompressed) zip with the given entry names, enough for the central-directory reader. */
function zip(names: readonly string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const n of names) {
    const name = Buffer.from(n);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name);
    centrals.push(central, name);
    offset += 30 + name.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(names.length, 8);
  eocd.writeUInt16LE(names.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}

const FAKE_JAVA = `#!/usr/bin/env bash
if [ "$1" = "-version" ]; then echo 'openjdk version "17"' >&2; exit 0; fi
{ echo "ARGS $*"; ls; } > "$FAKE_LOG"
[ -n "\${FAKE_SLEEP:-}" ] && sleep "$FAKE_SLEEP"
cat "$FAKE_OUTPUT"
`;

function fakeJava(dir: string): string {
  const java = path.join(dir, 'java');
  fs.writeFileSync(java, FAKE_JAVA, { mode: 0o755 });
  return java;
}

t.test('zip central directory and jar checks', async (t) => {
  const dir = t.testdir({ 'good.jar': zip(['META-INF/MANIFEST.MF', 'tlc2/TLC.class']), 'other.jar': zip(['a/B.class']), 'text.jar': 'not a zip' });
  t.same(zipEntries(`${dir}/good.jar`), ['META-INF/MANIFEST.MF', 'tlc2/TLC.class']);
  t.equal(checkJar(`${dir}/good.jar`), `${dir}/good.jar`);
  t.match(t.throws(() => checkJar(`${dir}/other.jar`)), { what: /no tlc2\/TLC.class/ });
  t.match(t.throws(() => checkJar(`${dir}/text.jar`)), { what: /not a jar/ });
  t.match(t.throws(() => checkJar(`${dir}/missing.jar`)), { what: /no such file/ });
  t.match(t.throws(() => checkJar(undefined)), { file: 'TLA2TOOLS_JAR', what: 'not set' });
});

t.test('java not found is a UserError', async (t) => {
  const e = t.throws(() => findJava({ JAVA_HOME: '/nonexistent', PATH: '' }));
  t.type(e, UserError);
  t.match(e, { what: /java not found: install a JDK 11\+/ });
});

t.test('pinned download: checksum mismatch deletes the file', async (t) => {
  const dir = t.testdir({ 'payload.bin': 'tla2tools?' });
  const good = sha256(`${dir}/payload.bin`);
  const copy = async (_url: string, to: string): Promise<void> => fs.copyFileSync(`${dir}/payload.bin`, to);
  const e = await fetchJar('https://example.invalid/x.jar', '0'.repeat(64), `${dir}/tools/x.jar`, copy).catch((x: unknown) => x);
  t.match(e, { what: /SHA-256 mismatch.*deleted/ });
  t.notOk(fs.existsSync(`${dir}/tools/x.jar`));
  t.notOk(fs.existsSync(`${dir}/tools/x.jar.part`));
  await fetchJar('https://example.invalid/x.jar', good, `${dir}/tools/x.jar`, copy);
  t.equal(sha256(`${dir}/tools/x.jar`), good);
  fs.writeFileSync(`${dir}/y.part`, 'other');
  t.throws(() => installVerified(`${dir}/y.part`, good, `${dir}/y.jar`));
  t.notOk(fs.existsSync(`${dir}/y.part`));
});

t.test('TLC run: command line, staged files, parsed output', async (t) => {
  const dir = t.testdir({ 'tla2tools.jar': zip(['tlc2/TLC.class']) });
  const log = `${dir}/log.txt`;
  process.env['FAKE_LOG'] = log;
  process.env['FAKE_OUTPUT'] = path.join(FIXTURES, 'tlc', 'violation.txt');
  const model = loadModel(...fixtureModel('counter', 'MCCounter'));
  const r = await checkTlc(model, { java: fakeJava(dir), jar: `${dir}/tla2tools.jar` });
  const seen = fs.readFileSync(log, 'utf8');
  t.match(seen, `ARGS ${tlcArgs(`${dir}/tla2tools.jar`, 'MCCounter').join(' ')}`);
  t.match(seen, /-workers auto -deadlock -coverage 1 -config MCCounter.cfg MCCounter.tla/);
  t.match(seen, /^Counter\.tla$/m);
  t.match(seen, /^MCCounter\.cfg$/m);
  t.equal(r.verdict, 'violation');
  t.same(r.violated, { name: 'ElectionSafety', kind: 'invariant' });
  t.equal(r.states, 10234);
  t.equal(r.depth, 9);
  t.equal(r.checker, 'TLC 2.16');
  t.equal(r.tlcCoverage?.length, 4);
});

t.test('TLC run of a broken variant stages the generated module', async (t) => {
  const dir = t.testdir({ 'tla2tools.jar': zip(['tlc2/TLC.class']) });
  process.env['FAKE_LOG'] = `${dir}/log.txt`;
  process.env['FAKE_OUTPUT'] = path.join(FIXTURES, 'tlc', 'pass.txt');
  const v = loadVariant(path.join(FIXTURES, 'counter', 'broken', 'CounterIncTwice.tla'), path.join(FIXTURES, 'counter'));
  const model = loadModel(...fixtureModel('counter', 'MCCounter'), new Map([[v.target, v.source]]));
  const java = fakeJava(dir);
  fs.writeFileSync(java, FAKE_JAVA.replace('ls;', 'ls; cat Counter.tla;'), { mode: 0o755 });
  const r = await checkTlc(model, { java, jar: `${dir}/tla2tools.jar` });
  t.match(fs.readFileSync(`${dir}/log.txt`, 'utf8'), /@ \+ 2/, 'TLC sees the variant definition');
  t.equal(r.verdict, 'pass');
});

t.test('TLC timeout kills java and says so; parse errors name the file', async (t) => {
  const dir = t.testdir({ 'tla2tools.jar': zip(['tlc2/TLC.class']) });
  process.env['FAKE_LOG'] = `${dir}/log.txt`;
  process.env['FAKE_OUTPUT'] = path.join(FIXTURES, 'tlc', 'pass.txt');
  process.env['FAKE_SLEEP'] = '30';
  const model = loadModel(...fixtureModel('counter', 'MCCounter'));
  const started = Date.now();
  const r = await checkTlc(model, { java: fakeJava(dir), jar: `${dir}/tla2tools.jar`, timeoutSeconds: 0.5 });
  delete process.env['FAKE_SLEEP'];
  t.equal(r.verdict, 'timeout');
  t.ok(Date.now() - started < 10_000);
  process.env['FAKE_OUTPUT'] = path.join(FIXTURES, 'tlc', 'parse-error.txt');
  const e = await checkTlc(model, { java: fakeJava(dir), jar: `${dir}/tla2tools.jar` }).catch((x: unknown) => x);
  t.type(e, UserError);
  t.match(e, { line: 87, file: /Raft\.tla$/ });
});
