// tlc-fetch.ts: `raftref tlc-fetch --url U --sha256 H --out F`, used by `make check-tlc`.

import { fetchJar } from '../../conformance/tla/jar.js';
import { UserError } from '../../conformance/tla/errors.js';
import { type Command, INTERNAL_HELP, parseCommandArgs } from './command.js';

const help = `usage: raftref tlc-fetch --url URL --sha256 HEX --out FILE

Downloads tla2tools.jar from URL into FILE and verifies its SHA-256; on a mismatch the
download is deleted and the command exits 2. Does nothing when FILE is already verified.
exit codes: 0 verified, 2 bad input (a missing option, a failed download, a checksum
mismatch), ${INTERNAL_HELP}.`;

export const tlcFetch: Command = {
  name: 'tlc-fetch',
  summary: 'download the pinned tla2tools.jar and verify its SHA-256',
  help,
  run: async (argv) => {
    const { values } = parseCommandArgs('tlc-fetch', { args: [...argv], options: { url: { type: 'string' }, sha256: { type: 'string' }, out: { type: 'string' } } });
    const { url, sha256, out } = values;
    if (url === undefined || sha256 === undefined || out === undefined) throw new UserError('tlc-fetch', undefined, '--url, --sha256 and --out are required', 'see raftref tlc-fetch --help');
    await fetchJar(url, sha256, out);
    console.log(`tlc-fetch: ${out} verified (sha256 ${sha256})`);
    return 0;
  },
};
