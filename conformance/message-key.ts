// message-key: the canonical structural key of a message, so that the bag
// (the spec's `messages`, a function from message records to copies) can
// be a Map. Two messages have the same key exactly when they are the same
// record: the same fields (in any order) with the same values. A field the
// spec's record does not have is part of the key too, so an implementation
// message with an extra field is a different message, as it is in TLA+.

/** The fields of each message type, sorted: the fast path of keyOf. */
const FIELDS: Readonly<Record<string, readonly string[]>> = {
  RequestVoteRequest: ['candidateId', 'from', 'lastLogIndex', 'lastLogTerm', 'term', 'to', 'type'],
  RequestVoteResponse: ['from', 'term', 'to', 'type', 'voteGranted'],
  AppendEntriesRequest: ['entries', 'from', 'leaderCommit', 'leaderId', 'prevLogIndex', 'prevLogTerm', 'term', 'to', 'type'],
  AppendEntriesResponse: ['from', 'matchIndex', 'prevLogIndex', 'success', 'term', 'to', 'type'],
};

/** fieldsOf: the sorted field names of a record. */
function fieldsOf(o: Record<string, unknown>): readonly string[] {
  const known = typeof o['type'] === 'string' ? FIELDS[o['type']] : undefined;
  if (known !== undefined && hasExactly(o, known)) return known;
  return Object.keys(o).sort();
}

/** hasExactly: whether o's own enumerable fields are exactly `fields`. */
function hasExactly(o: Record<string, unknown>, fields: readonly string[]): boolean {
  let n = 0;
  for (const _ in o) n += 1;
  if (n !== fields.length) return false;
  for (let k = 0; k < fields.length; k++) if (!Object.hasOwn(o, fields[k] as string)) return false;
  return true;
}

/**
 * quote: JSON.stringify of a string, without calling it for the usual
 * server ids and values (nothing JSON escapes: no quote, backslash,
 * control character or lone surrogate half).
 */
function quote(s: string): string {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(s);
  }
  return `"${s}"`;
}

/** keyOf: the canonical key of a JSON-like value (records by sorted field names). */
export function keyOf(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return quote(v);
    case 'number':
    case 'boolean':
      return String(v);
    case 'object': {
      if (v === null) return 'null';
      if (Array.isArray(v)) {
        let s = '<';
        for (let k = 0; k < v.length; k++) s += (k === 0 ? '' : ',') + keyOf(v[k]);
        return `${s}>`;
      }
      const o = v as Record<string, unknown>;
      const fields = fieldsOf(o);
      let s = '[';
      for (let k = 0; k < fields.length; k++) {
        const f = fields[k] as string;
        s += `${f}:${keyOf(o[f])};`;
      }
      return `${s}]`;
    }
    default:
      // undefined, functions, symbols: not part of any spec value.
      return `?${String(v)}`;
  }
}
