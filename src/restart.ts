// restart: a server comes back from a crash with only what was on stable
// storage (P-1, Figure 2 "State").
import * as t from 'io-ts';
import { NodeId, toIndex } from './codecs.js';
import { decodePersistentState, decodeWith } from './decode.js';
import { badInput, enabled, unknownServer, type ActionResult } from './result.js';
import type { Config } from './state.js';
import type { Storage } from './storage.js';

const Servers = t.readonlyArray(NodeId);

/**
 * restart: Restart(i). P-1: currentTerm, votedFor and log were on stable
 * storage and survive; everything else is reinitialised: a follower with
 * commitIndex and lastApplied 0 (the state machine is rebuilt by applying
 * the log again). With empty storage this is the spec's Init.
 */
export function restart(config: Config, storage: Storage): ActionResult {
  const action = 'Restart';
  const servers = decodeWith(Servers, 'configuration', [...config.servers], 'servers');
  if (!servers.ok) return badInput(action, servers.error);
  if (!config.servers.has(config.id)) return badInput(action, unknownServer('id', config.id));
  const stored = decodePersistentState(storage.load());
  if (!stored.ok) return badInput(action, stored.error);
  const { currentTerm, votedFor, log } = stored.value;
  if (votedFor !== null && !config.servers.has(votedFor)) return badInput(action, unknownServer('votedFor', votedFor));
  return enabled(action, {
    role: 'Follower',
    id: config.id,
    servers: config.servers,
    currentTerm,
    votedFor,
    log,
    commitIndex: toIndex(0),
    lastApplied: toIndex(0),
  });
}
