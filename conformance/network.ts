// network: the replayer's network, a bag of messages in flight (D-1), as
// the spec's `messages`: message -> copies, keyed by the canonical key of
// each message record (message-key.ts).
import type { Message } from '../src/index.js';
import { keyOf } from './message-key.js';
import type { Bag } from './trace.js';

export class Network {
  private readonly bag = new Map<string, { message: Message; copies: number }>();
  private changes = 0;

  /** version: how many times the bag has changed (a send, a discard). */
  get version(): number {
    return this.changes;
  }

  /** contents: the bag as the spec's `messages` (read-only view). */
  get contents(): Bag {
    return this.bag;
  }

  has(key: string): boolean {
    return this.bag.has(key);
  }

  /** send: one more copy of m in flight (Send, WithMessage). */
  send(m: Message, key: string = keyOf(m)): void {
    this.changes += 1;
    const entry = this.bag.get(key);
    if (entry === undefined) this.bag.set(key, { message: m, copies: 1 });
    else entry.copies += 1;
  }

  /** discard: one copy fewer of the message with this key (Discard, WithoutMessage); false if none is in flight. */
  discard(key: string): boolean {
    const entry = this.bag.get(key);
    if (entry === undefined) return false;
    this.changes += 1;
    if (entry.copies > 1) entry.copies -= 1;
    else this.bag.delete(key);
    return true;
  }
}
