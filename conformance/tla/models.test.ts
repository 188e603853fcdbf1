import t from 'tap';
import { FIXTURES } from './fixtures.js';
import { discoverModels, selectModels, tierOf, unfiredOf } from './models.js';

t.test('tier comes from the first line of the cfg', async (t) => {
  t.equal(tierOf('\\* tier: full\nINIT I\n'), 'full');
  t.equal(tierOf('\\* tier: fast\n'), 'fast');
  t.equal(tierOf('INIT I\n\\* tier: full\n'), 'fast', 'only the first line counts');
});

t.test('discovery and selection', async (t) => {
  const dir = t.testdir({ 'MCA.tla': '', 'MCA.cfg': '\\* tier: fast\n', 'MCB.tla': '', 'MCB.cfg': '\\* tier: full\n', 'MCC.tla': '', 'Other.tla': '' });
  const all = discoverModels(dir);
  t.same(all.map((m) => [m.name, m.tier]), [['MCA', 'fast'], ['MCB', 'full']]);
  t.same(selectModels(all, [], false, dir).map((m) => m.name), ['MCA']);
  t.same(selectModels(all, [], true, dir).map((m) => m.name), ['MCA', 'MCB']);
  t.same(selectModels(all, ['B'], false, dir).map((m) => m.name), ['MCB'], 'a named model runs whatever its tier');
  t.match(t.throws(() => selectModels(all, ['Nope'], false, dir)), { what: 'unknown model Nope', todo: /MCA, MCB/ });
  t.equal(discoverModels(`${FIXTURES}/counter`)[0]?.name, 'MCCounter');
});

t.test('unfired declarations: action and why, a malformed one names the line', async (t) => {
  const cfg = '\\* tier: fast\n\\* unfired: DuplicateMessage -- one message in flight at most\nINIT Init\n';
  t.same([...unfiredOf(cfg, 'MC.cfg')], [['DuplicateMessage', 'one message in flight at most']]);
  t.same([...unfiredOf('INIT Init\n', 'MC.cfg')], []);
  t.match(t.throws(() => unfiredOf('INIT Init\n\\* unfired: DuplicateMessage\n', 'MC.cfg')), { file: 'MC.cfg', line: 2, what: /malformed unfired/ });
});
