// stale: what differs between the committed spec/FIGURE2.md and a fresh
// one, in one line: how many lines were added and removed (a line diff by
// longest common subsequence), the first differing line, and the rule ids
// of the rows and sections that changed.

export type Staleness = {
  readonly added: number;
  readonly removed: number;
  /** 1-based line of the committed file where they first differ. */
  readonly firstLine: number;
  /** Rule ids of changed table rows and "### id" sections, and names of changed "## " sections. */
  readonly where: readonly string[];
};

/** lcsTable: lengths of the longest common subsequences of a[i..] and b[j..]. */
function lcsTable(a: readonly string[], b: readonly string[]): Uint32Array[] {
  const t = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    const row = t[i] as Uint32Array;
    const below = t[i + 1] as Uint32Array;
    for (let j = b.length - 1; j >= 0; j--) row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
  }
  return t;
}

/** staleness: undefined when the texts are equal; otherwise a summary of the difference. */
export function staleness(committed: string, fresh: string): Staleness | undefined {
  if (committed === fresh) return undefined;
  const a = committed.split('\n');
  const b = fresh.split('\n');
  const t = lcsTable(a, b);
  const changed: { line: string; section: string; at: number }[] = [];
  let major = '';
  let minor = '';
  const follow = (line: string): void => {
    if (line.startsWith('## ')) [major, minor] = [line.slice(3), ''];
    else if (line.startsWith('### ')) minor = line.slice(4);
  };
  const section = (): string => (minor === '' ? major : `${major} > ${minor}`);
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const ai = a[i];
    const bj = b[j];
    if (ai !== undefined && bj !== undefined && ai === bj) {
      follow(ai);
      i++;
      j++;
    } else if (ai !== undefined && (bj === undefined || (t[i + 1]?.[j] ?? 0) >= (t[i]?.[j + 1] ?? 0))) {
      follow(ai);
      changed.push({ line: ai, section: section(), at: i + 1 });
      i++;
    } else if (bj !== undefined) {
      follow(bj);
      changed.push({ line: bj, section: section(), at: i + 1 });
      j++;
    }
  }
  const where: string[] = [];
  for (const c of changed) {
    const row = /^\| ([^|]+?) \|/.exec(c.line);
    const name = row !== null && row[1] !== 'id' && row[1] !== '---' ? (row[1] as string) : c.section === '' ? 'header' : c.section;
    if (!where.includes(name)) where.push(name);
  }
  const added = b.length - (t[0]?.[0] ?? 0);
  const removed = a.length - (t[0]?.[0] ?? 0);
  return { added, removed, firstLine: Math.min(...changed.map((c) => c.at)), where };
}

/** describeStaleness: one line naming the file and what changed. */
export function describeStaleness(file: string, s: Staleness): string {
  const shown = s.where.slice(0, 8).join(', ') + (s.where.length > 8 ? `, and ${s.where.length - 8} more` : '');
  return `${file} is stale: +${s.added} -${s.removed} lines, first difference at line ${s.firstLine}, in: ${shown}`;
}
