// staleScenarioFiles names each way a directory differs from its scenario
// table: a missing file, an extra file, a file that is not its scenario.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import t from 'tap';
import { election2 } from './fixtures/scenarios.js';
import { scenarioFileText, staleScenarioFiles, type ScenarioTable } from './scenario-files.js';

const TABLE: ScenarioTable = { 'election-2': { model: 'hand: 2 servers', description: 'an election', build: election2 } };
const WRITER = 'conformance/fixtures/write.ts';

t.test('a directory that is its scenarios, then one that is not', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scenario-files-'));
  t.teardown(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'election-2.itf.json');
  t.match(staleScenarioFiles(TABLE, dir, 'h1', WRITER), [/election-2\.itf\.json: missing/]);
  fs.writeFileSync(file, scenarioFileText(TABLE, 'election-2', 'h1'));
  t.same(staleScenarioFiles(TABLE, dir, 'h1', WRITER), []);
  const stale = staleScenarioFiles(TABLE, dir, 'h2', WRITER);
  t.equal(stale.length, 1, 'another spec hash: the file is stale');
  t.match(stale[0], /election-2\.itf\.json is not what conformance\/fixtures\/scenarios\.ts writes .* node dist\/conformance\/fixtures\/write\.js$/);
  fs.writeFileSync(path.join(dir, 'extra.itf.json'), '{}\n');
  t.match(staleScenarioFiles(TABLE, dir, 'h1', WRITER), [/extra\.itf\.json: no scenario writes this file/]);
});
