// The cfg reader refuses garbage with one line naming the file and line
// (a UserError: exit 2), rather than handing it to the checker: the
// inputs that once got through (the table), and fast-check edits of
// spec/MCRaft2.cfg (seeded: the seed is printed, FUZZ_SEED=<seed>
// repeats).
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { parseCfg, type Cfg } from './cfg.js';
import { UserError } from './errors.js';
import { repoDir } from '../spec-hash.js';

const BASE = fs.readFileSync(path.join(repoDir(), 'spec', 'MCRaft2.cfg'), 'utf8');
const HEAD = 'SPECIFICATION Spec\nINVARIANT TypeOK\nCONSTANTS\n  Server = {s1, s2}\n  MaxTerm = 2\n';

/** outcome: `accepted`, or the UserError's line; anything else thrown is returned as `THREW ...` (a defect). */
function outcome(text: string): string {
  try {
    parseCfg(text, 'x.cfg');
    return 'accepted';
  } catch (e) {
    if (e instanceof UserError) return e.message;
    return `THREW ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`;
  }
}

t.test('garbage that once got through, or threw something else than a UserError', async (t) => {
  // [what, text after HEAD, what parseCfg did before, the line now]
  const cases: [string, string, string, string][] = [
    ['a misspelt keyword after CONSTANTS', 'INVARIANTT Safety\n', 'refused without a line', 'x.cfg:6: unknown cfg keyword `INVARIANTT` (did you mean INVARIANT?) — write INVARIANT'],
    ['a misspelt keyword in a list', 'INVARIANTS\n  Safety\nPROPERTYS Live\n', 'accepted: PROPERTYS and Live as invariants', 'x.cfg:8: unknown cfg keyword `PROPERTYS` (did you mean PROPERTY?) — write PROPERTY'],
    ['- before a name', 'CONSTANT X = -foo\n', 'accepted: X = NaN', 'x.cfg:6: expected digits after `-`, found `foo` — write an integer such as -1'],
    ['an integer past 2^53', 'CONSTANT X = 99999999999999999999\n', 'accepted: X = 100000000000000000000', 'x.cfg:6: integer 99999999999999999999 is too large — use an integer of at most 9007199254740991'],
    ['an invalid escape', 'CONSTANT X = "a\\qb"\n', 'threw SyntaxError (exit 1)', 'x.cfg:6: invalid escape \\q in a string — use \\" \\\\ \\n \\t \\r or \\f'],
    ['a raw tab in a string', 'CONSTANT X = "a\tb"\n', 'threw SyntaxError (exit 1)', 'x.cfg:6: raw control character U+0009 in a string — write it as an escape (\\t, \\n)'],
    ['a no-break space', 'INVARIANT\u00a0Safety\n', 'accepted: taken for white space', 'x.cfg:6: column 10: character U+00A0 outside a comment — a cfg file is ASCII outside comments'],
    ['a letter that is not ASCII', 'INVARIANT Safé\n', 'refused without a line', 'x.cfg:6: column 14: character U+00E9 (é) outside a comment — a cfg file is ASCII outside comments'],
    ['a NUL', 'INVARIANT Safety\u0000\n', 'refused without a line, the NUL printed raw', 'x.cfg:6: column 17: character U+0000 outside a comment — a cfg file is ASCII outside comments'],
    ['a constant given twice', 'CONSTANT MaxTerm = 3\n', 'accepted: both handed on', 'x.cfg:6: constant MaxTerm given twice (line 5 and line 6) — keep one'],
    ['an invariant given twice', 'INVARIANT TypeOK\n', 'accepted: TypeOK twice', 'x.cfg:6: TypeOK given twice — keep one'],
    ['a stray ====', '====\n', 'refused without a line', 'x.cfg:6: expected a definition name, found `====` — fix the .cfg file (TLC cfg syntax)'],
    ['an unterminated comment', '(* no end\n', 'refused', 'x.cfg:6: unterminated comment (* ... *) — fix the .cfg file'],
  ];
  for (const [what, tail, before, want] of cases) t.equal(outcome(HEAD + tail), want, `${what} (before: ${before})`);
  // What the cfg files of this repository use stays accepted: comments in any script, strings, negative integers.
  t.equal(outcome(`${HEAD}\\* a comment: é, \u00a0\n(* (* nested *) ü *)\nCONSTANT X = "a\\"b\\\\"\nCONSTANT Y = -3\n`), 'accepted');
  const cfg = parseCfg(`${HEAD}CONSTANT X = "a\\"b\\\\\\n"\nCONSTANT Y = -3\n`, 'x.cfg');
  t.same(cfg.constants.slice(-2).map((c) => (c.kind === 'value' ? c.value : c)), [{ kind: 'string', value: 'a"b\\\n' }, { kind: 'int', value: -3 }]);
});

/** wellFormed: what an accepted cfg must be: names are TLA+ identifiers, integers are safe, strings have no raw control character. */
function wellFormed(cfg: Cfg): string | undefined {
  const ident = /^[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*$/;
  const names = [cfg.init, cfg.next, cfg.specification, cfg.symmetry, cfg.view, ...cfg.invariants, ...cfg.properties, ...cfg.constraints, ...cfg.actionConstraints];
  for (const n of names) if (n !== undefined && !ident.test(n.name)) return `name ${JSON.stringify(n.name)}`;
  const value = (v: unknown): string | undefined => {
    const x = v as { kind: string; value?: unknown; name?: string; elems?: unknown[] };
    if (x.kind === 'int' && !Number.isSafeInteger(x.value)) return `integer ${String(x.value)}`;
    if (x.kind === 'model' && !ident.test(x.name ?? '')) return `model value ${JSON.stringify(x.name)}`;
    if (x.kind === 'string' && /[\u0000-\u001f]/.test(String(x.value))) return `string ${JSON.stringify(x.value)}`;
    return x.kind === 'set' ? x.elems?.map(value).find((p) => p !== undefined) : undefined;
  };
  for (const c of cfg.constants) {
    if (!ident.test(c.name)) return `constant ${JSON.stringify(c.name)}`;
    const p = c.kind === 'value' ? value(c.value) : undefined;
    if (p !== undefined) return p;
  }
  return undefined;
}

const SEED = process.env['FUZZ_SEED'] === undefined ? Date.now() % 2 ** 31 : Number(process.env['FUZZ_SEED']);

t.test('fuzz: edits of spec/MCRaft2.cfg parse to a well-formed cfg or give one line with the file and line', async (t) => {
  t.comment(`seed: ${SEED} (FUZZ_SEED=${SEED} to run the same inputs again)`);
  const at = fc.nat({ max: BASE.length });
  const snippet = fc.oneof(
    fc.constantFrom('INVARIANTT', 'CONSTANT', 'CONSTANTS', 'INIT', 'PROPERTY', 'Invariant', '====', '----', '(*', '*)', '\\*', '"', '"\\q"', '=', '<-', '{', '}', ',', '-', '--1', '99999999999999999999', '1.5', 'TRUE', '\u00a0', '\u00e9', '\u2028', '\ufeff', '\u0000', '\t', '\r\n', '\n'),
    fc.string({ maxLength: 6 }),
    fc.string({ unit: 'binary', maxLength: 3 }),
  );
  const edit = fc.oneof(
    fc.tuple(at, snippet).map(([a, s]) => (text: string) => text.slice(0, a) + s + text.slice(a)),
    fc.tuple(at, fc.integer({ min: 1, max: 40 })).map(([a, n]) => (text: string) => text.slice(0, a) + text.slice(a + n)),
    fc.tuple(at, fc.integer({ min: 1, max: 60 })).map(([a, n]) => (text: string) => text.slice(0, a) + text.slice(a, a + n) + text.slice(a)),
    at.map((a) => (text: string) => text.slice(0, a)),
  );
  let accepted = 0;
  let refused = 0;
  const out = fc.check(
    fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
      const text = edits.reduce((s, e) => e(s), BASE);
      let cfg: Cfg;
      try {
        cfg = parseCfg(text, 'x.cfg');
      } catch (e) {
        if (!(e instanceof UserError)) throw new Error(`threw ${e instanceof Error ? e.name : typeof e}, not a UserError, for ${JSON.stringify(text)}`);
        // One line with file:line; only a section missing from the whole file has no line.
        if (!/^x\.cfg(:\d+|: no SPECIFICATION and no INIT\/NEXT pair)[:\s][^\n\r]+$/.test(e.message)) throw new Error(`not one line with file:line: ${JSON.stringify(e.message)}`);
        refused += 1;
        return;
      }
      const bad = wellFormed(cfg);
      if (bad !== undefined) throw new Error(`accepted, with a malformed ${bad}, for ${JSON.stringify(text)}`);
      accepted += 1;
    }),
    { seed: SEED, numRuns: 1000, interruptAfterTimeLimit: 3000 },
  );
  if (out.failed) t.fail(`seed ${SEED}: ${out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance)}`);
  else t.pass(`${out.numRuns} edited cfgs: ${accepted} accepted and well-formed, ${refused} refused in one line`);
  t.ok(refused > 0 && accepted > 0, 'some edits break the cfg and some do not');
});
