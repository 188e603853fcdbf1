// Quorums (C-2, L-4), checked against deliberately simple references.
import fc from 'fast-check';
import t from 'tap';
import { isQuorum, quorumIndex } from './quorum.js';
import { id } from './testing.js';

const cluster = fc.integer({ min: 1, max: 9 }).map((n) => Array.from({ length: n }, (_, k) => id(`s${k + 1}`)));
const clusterAndSubset = cluster.chain((servers) =>
  fc.tuple(fc.constant(servers), fc.subarray(servers), fc.subarray(servers)),
);

t.test('C-2 L-4 property: a quorum has more members than non-members', async (t) => {
  fc.assert(
    fc.property(clusterAndSubset, ([servers, q]) => {
      const outside = servers.filter((s) => !q.includes(s));
      return isQuorum(new Set(q), new Set(servers)) === q.length > outside.length;
    }),
  );
  t.pass();
});

t.test('C-2 §5.2 property: any two quorums share a server (at most one leader per term)', async (t) => {
  fc.assert(
    fc.property(clusterAndSubset, ([servers, a, b]) => {
      const all = new Set(servers);
      if (!isQuorum(new Set(a), all) || !isQuorum(new Set(b), all)) return true;
      return a.some((s) => b.includes(s));
    }),
  );
  t.pass();
});

t.test('C-2: members outside the configuration do not count', async (t) => {
  t.notOk(isQuorum(new Set([id('s1'), id('x'), id('y')]), new Set([id('s1'), id('s2'), id('s3')])));
});

t.test('L-4 property: quorumIndex is the largest n that a strict majority has reached', async (t) => {
  fc.assert(
    fc.property(fc.array(fc.nat({ max: 12 }), { maxLength: 9 }), (indexes) => {
      let best = 0;
      for (let n = 0; n <= 12; n += 1) {
        if (2 * indexes.filter((x) => x >= n).length > indexes.length) best = n;
      }
      return quorumIndex(indexes) === best;
    }),
  );
  t.equal(quorumIndex([]), 0, 'no servers, nothing agreed');
});
