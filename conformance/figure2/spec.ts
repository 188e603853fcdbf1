// spec: the definitions of spec/Raft.tla and the rule ids their comments
// cite. A definition starts at column 0 (`Name(args) ==`); its comment is
// the block of `\*` lines right above it, or, when it has none, the block
// of the definition before it (`FirstConflict` and `NewLog` share one),
// up to a `----` separator or a new comment block; `\*` comments inside
// its body count too. The actions are the definitions `Next` calls.
import { UserError } from '../tla/errors.js';
import { idsIn, type RuleOrder } from './ids.js';

export type Definition = {
  readonly name: string;
  /** 1-based line of `Name ... ==`. */
  readonly line: number;
  /** Called from Next. */
  readonly action: boolean;
  /** The rule ids its comments cite. */
  readonly ids: ReadonlySet<string>;
};

export type SpecDefinitions = {
  readonly definitions: readonly Definition[];
  /** Id-shaped tokens in comments that spec/README.md does not define. */
  readonly unknown: ReadonlySet<string>;
};

const DEFINITION = /^([A-Za-z_][A-Za-z0-9_]*)\s*(\([^)]*\))?\s*==/;
const COMMENT = /^\s*\\\*(.*)$/;
const SEPARATOR = /^(-{4,}|={4,})/;

type Raw = { name: string; line: number; comment: string[]; body: string[] };

/** parseSpec: every definition of the module with the ids its comments cite. */
export function parseSpec(text: string, file: string, order: RuleOrder): SpecDefinitions {
  const raws: Raw[] = [];
  let block: string[] = [];
  let inherited: string[] = [];
  let current: Raw | undefined;
  text.split('\n').forEach((line, k) => {
    const comment = COMMENT.exec(line);
    const def = DEFINITION.exec(line);
    if (SEPARATOR.test(line)) {
      current = undefined;
      block = [];
      inherited = [];
    } else if (def !== null) {
      if (block.length > 0) inherited = block;
      current = { name: def[1] as string, line: k + 1, comment: inherited, body: [line] };
      raws.push(current);
      block = [];
    } else if (comment !== null && !/^\s/.test(line)) {
      // A comment at column 0 opens a block for the next definition.
      current = undefined;
      block.push(comment[1] as string);
    } else if (line.trim() === '') {
      if (block.length > 0) inherited = [];
      block = [];
    } else if (current !== undefined) {
      current.body.push(line);
    }
  });

  const next = raws.find((r) => r.name === 'Next');
  if (next === undefined) throw new UserError(file, undefined, 'no Next definition', 'the actions are the definitions Next calls');
  const names = new Set(raws.map((r) => r.name));
  const called = new Set([...next.body.join('\n').matchAll(/\b([A-Z][A-Za-z0-9_]*)\(/g)].map((m) => m[1] as string).filter((n) => names.has(n)));

  const unknown = new Set<string>();
  const definitions = raws.map((r): Definition => {
    const bodyComments = r.body.map((l) => /\\\*(.*)$/.exec(l)?.[1] ?? '');
    const found = idsIn([...r.comment, ...bodyComments].join('\n'), order);
    for (const u of found.unknown) unknown.add(u);
    return { name: r.name, line: r.line, action: called.has(r.name), ids: found.ids };
  });
  return { definitions, unknown };
}
