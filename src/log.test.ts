// Log helpers: the spec's indexes (first entry 1, 0 for "none").
import t from 'tap';
import { checkLogWrite, entryAt, lastIndex, lastTerm, termAt, truncateAndAppend } from './log.js';
import { idx, log } from './testing.js';

t.test('LastTerm and Len', async (t) => {
  t.equal(lastTerm([]), 0);
  t.equal(lastTerm(log(1, 3)), 3);
  t.equal(lastIndex(log(1, 3)), 2);
});

t.test('entryAt and termAt: index 0 is before the log, past the end is nothing', async (t) => {
  const l = log(1, 2);
  t.equal(entryAt(l, 0), undefined);
  t.same(entryAt(l, 2), l[1]);
  t.equal(termAt(l, 0), 0);
  t.equal(termAt(l, 1), 1);
  t.equal(termAt(l, 3), undefined);
});

t.test('AE-3 AE-4: truncate-and-append, and the writes that would leave a gap', async (t) => {
  const l = log(1, 1, 1);
  t.same(truncateAndAppend(l, idx(2), log(2)), [l[0], ...log(2)]);
  t.same(truncateAndAppend(l, idx(4), log(2)), [...l, ...log(2)]);
  t.equal(checkLogWrite(l, idx(4)), undefined);
  t.match(checkLogWrite(l, idx(5)), /past the end of the log/);
  t.match(checkLogWrite(l, idx(0)), /the first index is 1/);
});
