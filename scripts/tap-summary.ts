// tap-summary: passes tap's output through and ends it with one plain line,
// `unit tests: N passed, M failed`, read from tap's closing `# { total, pass, fail }`
// comment, so that a CI that reads closing lines counts the tests. Exit code 1 when
// tap reported failures or printed no summary at all.
import { createInterface } from 'node:readline';

const SUMMARY = /^#\s*\{\s*total:\s*(\d+),\s*pass:\s*(\d+)(?:,\s*fail:\s*(\d+))?/;

async function main(): Promise<number> {
  let counts: { pass: number; fail: number } | undefined;
  for await (const line of createInterface({ input: process.stdin })) {
    console.log(line);
    const m = SUMMARY.exec(line);
    if (m !== null) counts = { pass: Number(m[2]), fail: Number(m[3] ?? 0) };
  }
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
