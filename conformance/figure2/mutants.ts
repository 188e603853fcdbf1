// mutants: which mutants of the mutant catalogue (conformance/mutants/)
// break each rule, and whether the replay kills them. The catalogue says
// which rule ids a mutant breaks; only a measurement (`raftref mutants
// --json`, read with --mutants FILE) says killed or survived.
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { describeError } from '../itf/codec.js';
import { readFile } from '../inputs.js';
import { UserError } from '../tla/errors.js';

/** CatalogueMutant: the part of a catalogue entry (conformance/mutants/catalogue.ts) used here. */
export type CatalogueMutant = { readonly id: string; readonly title: string; readonly rules: readonly string[] };

const Status = t.keyof({ killed: null, survived: null }, '"killed" or "survived"');

const MeasuredMutant = t.type({ id: t.string, title: t.string, rules: t.array(t.string), status: Status }, 'a mutant result');

/** MutantsJson: what `raftref mutants --json` prints (other fields are allowed and ignored). */
const MutantsJson = t.type({ mutants: t.array(MeasuredMutant) }, '{ mutants: [...] }');

export type MeasuredMutant = t.TypeOf<typeof MeasuredMutant>;

const TODO = 'write it with raftref mutants --json > FILE';

/** parseMutantsJson: the mutant results of `raftref mutants --json`; anything else is a one-line UserError. */
export function parseMutantsJson(text: string, file: string): readonly MeasuredMutant[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError(file, undefined, `not JSON: ${e instanceof Error ? e.message : String(e)}`, TODO);
  }
  const decoded = MutantsJson.decode(json);
  if (isLeft(decoded)) {
    const first = decoded.left[0];
    throw new UserError(file, undefined, first === undefined ? 'not a mutants result' : describeError(first), TODO);
  }
  const seen = new Set<string>();
  decoded.right.mutants.forEach((m, k) => {
    if (m.id === '') throw new UserError(file, undefined, `$.mutants[${k}].id: expected a mutant id, got ""`, TODO);
    if (seen.has(m.id)) throw new UserError(file, undefined, `$.mutants[${k}].id: mutant ${m.id} is listed twice`, TODO);
    seen.add(m.id);
  });
  return decoded.right.mutants;
}

/** readMutantsJson: parseMutantsJson of a file; a file that cannot be read is a UserError. */
export function readMutantsJson(file: string): readonly MeasuredMutant[] {
  return parseMutantsJson(readFile(file, TODO), file);
}

export type MutantStatus = 'killed' | 'survived' | 'not measured';
export type MutantEntry = { readonly id: string; readonly title: string; readonly rules: readonly string[]; readonly status: MutantStatus };

export type Mutants = {
  /** No catalogue and no measurement: nothing is known about mutants. */
  readonly known: boolean;
  readonly measured: boolean;
  readonly entries: readonly MutantEntry[];
  /** Measured mutants that the catalogue does not have (the measurement is older than the catalogue). */
  readonly notCatalogued: readonly string[];
};

/**
 * mutantEntries: the catalogue's mutants with their measured status, or
 * "not measured"; measured mutants the catalogue lacks are kept (with the
 * rules the measurement gives) and named in `notCatalogued`.
 */
export function mutantEntries(catalogue: readonly CatalogueMutant[] | undefined, measured: readonly MeasuredMutant[] | undefined): Mutants {
  const byId = new Map((measured ?? []).map((m) => [m.id, m]));
  const entries: MutantEntry[] = (catalogue ?? []).map((c) => ({ id: c.id, title: c.title, rules: c.rules, status: byId.get(c.id)?.status ?? 'not measured' }));
  const catalogued = new Set((catalogue ?? []).map((c) => c.id));
  const extra = (measured ?? []).filter((m) => !catalogued.has(m.id));
  entries.push(...extra.map((m) => ({ id: m.id, title: m.title, rules: m.rules, status: m.status })));
  return {
    known: catalogue !== undefined || measured !== undefined,
    measured: measured !== undefined,
    entries,
    notCatalogued: catalogue === undefined ? [] : extra.map((m) => m.id),
  };
}
