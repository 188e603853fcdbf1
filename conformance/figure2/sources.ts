// sources: where the TypeScript cites rule ids. In code (src/ without its
// tests) only comments count: file:line of each comment line citing an id.
// In tests, each top-level `t.test(name, ...)` cites the ids in its name or
// its body; ids elsewhere in a test file (its header comment, shared
// tables) are cited by the file. Files are parsed with the TypeScript
// compiler, so strings, templates and regular expressions are not mistaken
// for comments.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { idsIn, linesCiting, type RuleOrder } from './ids.js';

/** tsFiles: the *.ts files under `dir`, sorted, with paths as `dir/...` (slashes). */
export function tsFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = path.posix.join(d, e.name);
      if (e.isDirectory() && e.name !== 'node_modules' && e.name !== 'fixtures') walk(p);
      else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(dir.split(path.sep).join('/'));
  return out;
}

export const isTestFile = (file: string): boolean => file.endsWith('.test.ts');

function parse(file: string, text: string): ts.SourceFile {
  return ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
}

/** comments: every comment of a source file as [start, end) ranges, in order. */
function comments(sf: ts.SourceFile): ts.CommentRange[] {
  const text = sf.getFullText();
  const seen = new Map<number, ts.CommentRange>();
  const add = (ranges: ts.CommentRange[] | undefined): void => {
    for (const r of ranges ?? []) seen.set(r.pos, r);
  };
  const visit = (node: ts.Node): void => {
    add(ts.getLeadingCommentRanges(text, node.getFullStart()));
    add(ts.getTrailingCommentRanges(text, node.getEnd()));
    node.forEachChild(visit);
  };
  visit(sf);
  add(ts.getLeadingCommentRanges(text, sf.endOfFileToken.getFullStart()));
  return [...seen.values()].sort((a, b) => a.pos - b.pos);
}

export type CodeCitation = { readonly file: string; readonly lines: readonly number[] };

/** codeCitations: per id, the files and comment lines of `files` that cite it. */
export function codeCitations(files: readonly string[], order: RuleOrder, read: (f: string) => string): { cited: Map<string, CodeCitation[]>; unknown: Set<string> } {
  const cited = new Map<string, CodeCitation[]>();
  const unknown = new Set<string>();
  for (const file of files) {
    const sf = parse(file, read(file));
    const perId = new Map<string, Set<number>>();
    for (const c of comments(sf)) {
      const body = sf.text.slice(c.pos, c.end);
      const first = sf.getLineAndCharacterOfPosition(c.pos).line + 1;
      for (const u of idsIn(body, order).unknown) unknown.add(u);
      for (const [id, lines] of linesCiting(body, order, first)) {
        const set = perId.get(id) ?? new Set<number>();
        for (const l of lines) set.add(l);
        perId.set(id, set);
      }
    }
    for (const [id, lines] of perId) cited.set(id, [...(cited.get(id) ?? []), { file, lines: [...lines].sort((a, b) => a - b) }]);
  }
  return { cited, unknown };
}

export type TestCase = { readonly file: string; readonly name: string; readonly line: number; readonly ids: ReadonlySet<string> };
export type TestCitations = {
  readonly tests: readonly TestCase[];
  /** Per test file, the ids it cites outside its tests. */
  readonly files: ReadonlyMap<string, ReadonlySet<string>>;
  readonly unknown: ReadonlySet<string>;
};

/** testCall: `t.test(name, ...)`, `tap.test(...)` or `test(...)`. */
function isTestCall(node: ts.Node): node is ts.CallExpression {
  if (!ts.isCallExpression(node) || node.arguments.length < 2) return false;
  const callee = node.expression;
  return (ts.isPropertyAccessExpression(callee) && callee.name.text === 'test') || (ts.isIdentifier(callee) && callee.text === 'test');
}

function testName(call: ts.CallExpression, sf: ts.SourceFile): string {
  const first = call.arguments[0];
  if (first !== undefined && (ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) return first.text;
  return first === undefined ? '(no name)' : first.getText(sf);
}

/** testCitations: the tests of `files` and the ids each cites; the ids each file cites outside them. */
export function testCitations(files: readonly string[], order: RuleOrder, read: (f: string) => string): TestCitations {
  const tests: TestCase[] = [];
  const perFile = new Map<string, ReadonlySet<string>>();
  const unknown = new Set<string>();
  for (const file of files) {
    const sf = parse(file, read(file));
    const text = sf.getFullText();
    const spans: [number, number][] = [];
    const visit = (node: ts.Node): void => {
      if (isTestCall(node)) {
        const body = text.slice(node.getStart(sf), node.getEnd());
        const found = idsIn(body, order);
        for (const u of found.unknown) unknown.add(u);
        tests.push({ file, name: testName(node, sf), line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, ids: found.ids });
        spans.push([node.getStart(sf), node.getEnd()]);
        return;
      }
      node.forEachChild(visit);
    };
    visit(sf);
    let rest = '';
    let at = 0;
    for (const [start, end] of spans) {
      rest += `${text.slice(at, start)}\n`;
      at = end;
    }
    rest += text.slice(at);
    const found = idsIn(rest, order);
    for (const u of found.unknown) unknown.add(u);
    perFile.set(file, found.ids);
  }
  return { tests, files: perFile, unknown };
}
