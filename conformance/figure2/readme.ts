// readme: the rule ids of spec/README.md, the one place their words live:
// the table under "## Rule ids" (id | Figure 2 rule in our words | spec
// action) and the departures under "## Departures from Figure 2"
// (`- **D-1. Title.** why`).
import { UserError } from '../tla/errors.js';

export type RuleRow = {
  readonly id: string;
  /** The rule in our words, as the README's table has it. */
  readonly text: string;
  /** The definitions the README's "spec action" cell names in backticks. */
  readonly named: readonly string[];
  readonly line: number;
};

export type Departure = { readonly id: string; readonly title: string; readonly line: number };

export type Readme = { readonly rules: readonly RuleRow[]; readonly departures: readonly Departure[] };

const RULE_ID = /^[A-Z]+-\d+[a-z]?$/;
const DEPARTURE = /^- \*\*(D-\d+)\. (.+?)\.?\*\*/;

/** cells: the cells of a Markdown table row (`\|` is a pipe inside a cell). */
function cells(line: string): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** section: the lines under the heading `## title` up to the next `## `, with their 1-based numbers. */
function section(lines: readonly string[], title: string): { text: string; line: number }[] | undefined {
  const start = lines.findIndex((l) => l.trim() === `## ${title}`);
  if (start < 0) return undefined;
  const out: { text: string; line: number }[] = [];
  for (let k = start + 1; k < lines.length && !(lines[k] as string).startsWith('## '); k++) out.push({ text: lines[k] as string, line: k + 1 });
  return out;
}

/** parseReadme: the rule rows and departures of spec/README.md; a missing or malformed table is a UserError. */
export function parseReadme(text: string, file: string): Readme {
  const lines = text.split('\n');
  const todo = 'spec/README.md must keep its "## Rule ids" table (| id | rule | spec action |) and its "## Departures from Figure 2" list';
  const ruleLines = section(lines, 'Rule ids');
  if (ruleLines === undefined) throw new UserError(file, undefined, 'no "## Rule ids" section', todo);
  const rules: RuleRow[] = [];
  let header = false;
  for (const { text: l, line } of ruleLines) {
    if (!l.trim().startsWith('|')) continue;
    const c = cells(l);
    if (!header) {
      if (c.length !== 3 || c[0] !== 'id') throw new UserError(file, line, `the rule table's header is "${l.trim()}", not | id | rule | spec action |`, todo);
      header = true;
      continue;
    }
    if (c.every((x) => /^:?-+:?$/.test(x))) continue;
    const [id, words, action] = c;
    if (c.length !== 3 || id === undefined || words === undefined || action === undefined) throw new UserError(file, line, `a rule row has ${c.length} cells, not 3`, todo);
    if (!RULE_ID.test(id)) throw new UserError(file, line, `"${id}" is not a rule id (like AE-1 or L-3a)`, todo);
    if (words === '') throw new UserError(file, line, `rule ${id} has no words`, todo);
    if (rules.some((r) => r.id === id)) throw new UserError(file, line, `rule ${id} is in the table twice`, todo);
    rules.push({ id, text: words, named: [...action.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)].map((m) => m[1] as string), line });
  }
  if (rules.length === 0) throw new UserError(file, undefined, 'the "## Rule ids" section has no table rows', todo);

  const departureLines = section(lines, 'Departures from Figure 2');
  if (departureLines === undefined) throw new UserError(file, undefined, 'no "## Departures from Figure 2" section', todo);
  const departures: Departure[] = [];
  for (const { text: l, line } of departureLines) {
    const m = DEPARTURE.exec(l);
    if (m === null) continue;
    const id = m[1] as string;
    if (departures.some((d) => d.id === id) || rules.some((r) => r.id === id)) throw new UserError(file, line, `${id} is defined twice`, todo);
    departures.push({ id, title: m[2] as string, line });
  }
  return { rules, departures };
}

/** ruleOrder: every id of the README, rules first, in the README's order. */
export function ruleOrder(r: Readme): string[] {
  return [...r.rules.map((x) => x.id), ...r.departures.map((d) => d.id)];
}
