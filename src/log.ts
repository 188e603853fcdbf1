// log: read and rewrite a log. Indexes are the spec's: the first entry is
// at 1, and 0 stands for "before the first entry" (term 0).
import { toIndex, toTerm, type Entry, type Log, type LogIndex, type Term } from './codecs.js';

/** lastIndex: Len(log). */
export function lastIndex(log: Log): LogIndex {
  return toIndex(log.length);
}

/** lastTerm: LastTerm(log), the term of the last entry, 0 for an empty log. */
export function lastTerm(log: Log): Term {
  const last = log[log.length - 1];
  return last === undefined ? toTerm(0) : last.term;
}

/** entryAt: log[n], or undefined when n is 0 or past the end. */
export function entryAt(log: Log, n: number): Entry | undefined {
  return n >= 1 ? log[n - 1] : undefined;
}

/** termAt: the term of the entry at n, 0 for n = 0, undefined past the end. */
export function termAt(log: Log, n: number): Term | undefined {
  return n === 0 ? toTerm(0) : entryAt(log, n)?.term;
}

/**
 * truncateAndAppend: delete the entries at `from` and after, then append
 * `entries` (the first goes to index `from`). Requires 1 <= from <= Len + 1,
 * so the result has no gap; callers check it (see checkLogWrite).
 */
export function truncateAndAppend(log: Log, from: LogIndex, entries: readonly Entry[]): Log {
  return [...log.slice(0, from - 1), ...entries];
}

/** checkLogWrite: why a truncate-and-append at `from` would leave a gap, or undefined if it is fine. */
export function checkLogWrite(log: Log, from: LogIndex): string | undefined {
  if (from < 1) return `a log write starts at index ${from}, but the first index is 1`;
  if (from > log.length + 1) {
    return `a log write starts at index ${from}, past the end of the log (last index ${log.length})`;
  }
  return undefined;
}
