// fixtures.ts: paths of the toy specs under fixtures/, for the tests.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** [MC module path, cfg path] of fixtures/<dir>/<name>.tla|cfg. */
export function fixtureModel(dir: string, name: string, cfgName = name): [string, string] {
  return [path.join(FIXTURES, dir, `${name}.tla`), path.join(FIXTURES, dir, `${cfgName}.cfg`)];
}
