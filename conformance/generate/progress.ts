// progress.ts: progress of a generation on stderr. On a terminal, one bar redrawn at most
// every `barInterval` ms (traces done/total, steps/s, ETA); elsewhere (CI logs, pipes) one
// line every `lineInterval` ms. Time is read here only, never written into a trace.

import type { Progress } from './options.js';

export type ProgressSink = { update(p: Progress): void; done(): void };

export function formatEta(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export function progressText(p: Progress, width = 24): string {
  const frac = p.total > 0 ? Math.min(p.done / p.total, 1) : 0;
  const filled = Math.round(frac * width);
  const rate = p.elapsedSeconds > 0 ? p.steps / p.elapsedSeconds : 0;
  const eta = p.done > 0 ? (p.elapsedSeconds / p.done) * (p.total - p.done) : NaN;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total} traces  ${rate.toFixed(1)} steps/s  ETA ${formatEta(eta)}`;
}

export function progressSink(stream: NodeJS.WriteStream, now: () => number = Date.now, barInterval = 250, lineInterval = 10_000): ProgressSink {
  const tty = stream.isTTY === true;
  let last = -Infinity;
  let shown = false;
  return {
    update(p) {
      const t = now();
      if (t - last < (tty ? barInterval : lineInterval) && p.done < p.total) return;
      last = t;
      shown = true;
      stream.write(tty ? `\r${progressText(p)}\x1b[K` : `progress: ${progressText(p).replace(/^\[[#.]*\] /, '')}\n`);
    },
    done() {
      if (tty && shown) stream.write('\r\x1b[K');
    },
  };
}
