// ids: finding the rule ids of spec/README.md (AE-1, L-3a, D-9, ...) in
// text. An id is a known prefix, a dash, a number and an optional letter,
// not glued to other letters or digits; "AE-1 .. AE-5" cites the ids
// between its ends, in the README's order.

/** RuleOrder: every id of spec/README.md in the README's order. */
export type RuleOrder = readonly string[];

/** idPattern: the id-shaped tokens over the prefixes of `order` (AE, RV, ..., D). */
function idPattern(order: RuleOrder): RegExp {
  const prefixes = [...new Set(order.map((id) => id.replace(/-.*$/, '')))].sort((a, b) => b.length - a.length);
  const alternatives = prefixes.length === 0 ? '(?!)' : prefixes.join('|');
  return new RegExp(`(?<![A-Za-z0-9_-])(?:${alternatives})-\\d+[a-z]?(?![A-Za-z0-9_])`, 'g');
}

/** RANGE_GAP: what joins two ids into a range: `..` (spaces allowed around it). */
const RANGE_GAP = /^\s*\.\.\s*$/;

/**
 * idsIn: the ids of `order` that `text` cites, ranges expanded, and the
 * id-shaped tokens that are not in `order` (`unknown`).
 */
export function idsIn(text: string, order: RuleOrder): { readonly ids: ReadonlySet<string>; readonly unknown: ReadonlySet<string> } {
  const ids = new Set<string>();
  const unknown = new Set<string>();
  const tokens = [...text.matchAll(idPattern(order))];
  tokens.forEach((m, k) => {
    const id = m[0];
    if (!order.includes(id)) {
      unknown.add(id);
      return;
    }
    ids.add(id);
    const next = tokens[k + 1];
    if (next === undefined) return;
    const between = text.slice(m.index + id.length, next.index);
    const from = order.indexOf(id);
    const to = order.indexOf(next[0]);
    const samePrefix = id.replace(/-.*$/, '') === next[0].replace(/-.*$/, '');
    if (RANGE_GAP.test(between) && samePrefix && to > from) for (const r of order.slice(from, to + 1)) ids.add(r);
  });
  return { ids, unknown };
}

/** linesCiting: for each id of `order`, the 1-based lines of `text` that cite it (a range on one line). */
export function linesCiting(text: string, order: RuleOrder, firstLine = 1): Map<string, number[]> {
  const out = new Map<string, number[]>();
  text.split('\n').forEach((line, k) => {
    for (const id of idsIn(line, order).ids) {
      const lines = out.get(id) ?? [];
      lines.push(firstLine + k);
      out.set(id, lines);
    }
  });
  return out;
}
