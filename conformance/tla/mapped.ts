// mapped.ts: generated text that remembers, line by line, which file and line it came from,
// so that a checker error in a combined module can name the original file.

/** Where a line of generated text came from. */
export type Origin = { readonly file: string; readonly line: number };

/** Generated text with the origin of each of its lines (index 0 = line 1). */
export type MappedText = { readonly text: string; readonly origins: readonly (Origin | undefined)[] };

type Segment = { readonly offset: number; readonly origin: Origin | undefined };

export class MappedBuilder {
  private text = '';
  private readonly segments: Segment[] = [];

  /** Appends text whose first character is at `origin` (undefined: generated). */
  append(piece: string, origin: Origin | undefined): this {
    this.segments.push({ offset: this.text.length, origin });
    this.text += piece;
    return this;
  }

  /** Appends source.slice(from, to), keeping the line numbers of `file`. */
  appendFrom(source: string, from: number, to: number, file: string): this {
    return this.append(source.slice(from, to), { file, line: lineAt(source, from) });
  }

  finish(): MappedText {
    const origins: (Origin | undefined)[] = [];
    let seg = -1;
    let base: Origin | undefined;
    let sinceSegment = 0;
    for (let o = 0; ; o = this.text.indexOf('\n', o) + 1) {
      if ((this.segments[seg + 1]?.offset ?? Infinity) <= o) {
        while ((this.segments[seg + 1]?.offset ?? Infinity) <= o) seg++;
        const s = this.segments[seg];
        base = s?.origin;
        sinceSegment = s === undefined ? 0 : countNewlines(this.text, s.offset, o);
      }
      origins.push(base && { file: base.file, line: base.line + sinceSegment });
      sinceSegment++;
      if (this.text.indexOf('\n', o) < 0) return { text: this.text, origins };
    }
  }
}

/** 1-based line of offset `at` in `text`. */
export function lineAt(text: string, at: number): number {
  return countNewlines(text, 0, at) + 1;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export function identityMap(text: string, file: string): MappedText {
  return new MappedBuilder().append(text, { file, line: 1 }).finish();
}

/** Origin of line `line` (1-based) of a mapped text, if known. */
export function originOf(m: MappedText, line: number): Origin | undefined {
  return m.origins[line - 1];
}
