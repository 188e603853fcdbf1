// tap-summary: reads tap's TAP output (`tap --reporter=tap`), prints each test file's
// top-level result line, the whole output of any file that failed, and tap's closing
// comments, then one plain line `unit tests: N passed, M failed` (assertions, from tap's
// closing `# { total, pass, fail }`), so that a CI that reads closing lines counts the
// tests. Exit code 1 when tap reported failures or printed no summary.
import { createInterface } from 'node:readline';

const SUMMARY = /^#\s*\{\s*total:\s*(\d+),\s*pass:\s*(\d+)(?:,\s*fail:\s*(\d+))?/;

async function main(): Promise<number> {
  let counts: { pass: number; fail: number } | undefined;
  let held: string[] = [];
  for await (const line of createInterface({ input: process.stdin })) {
    if (/^\s/.test(line) || line.startsWith('# Subtest:')) {
      held.push(line); // a file's own output: shown only if the file fails
      continue;
    }
    if (line.startsWith('not ok')) for (const h of held) console.log(h);
    if (line.startsWith('ok') || line.startsWith('not ok')) held = [];
    console.log(line);
    const m = SUMMARY.exec(line);
    if (m !== null) counts = { pass: Number(m[2]), fail: Number(m[3] ?? 0) };
  }
  for (const h of held) console.log(h);
  if (counts === undefined) {
    console.log('unit tests: tap printed no summary (0 passed, 1 failed)');
    return 1;
  }
  console.log(`unit tests: ${counts.pass} passed, ${counts.fail} failed`);
  return counts.fail === 0 ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
