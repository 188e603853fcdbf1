// The layers run one way (STYLE.md, each folder's README): the command line (scripts/) imports
// the suite (conformance/), which imports the core (src/); the service's node shell (src/node/)
// sits beside the core and uses it; the core imports neither, touches no I/O module, and no file
// takes part in an import circle (type-only imports count: a circle of types is still a knot a
// reader has to untie). Each rule is shown to fail on a small graph that breaks it.
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import ts from 'typescript';
import { repoDir } from './spec-hash.js';

type Graph = ReadonlyMap<string, readonly string[]>;

const REPO = repoDir();
const ROOTS = ['src', 'conformance', 'scripts'];

/** Every .ts file under the roots, repository-relative with '/' separators. */
function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(rel);
      else if (e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(rel);
    }
  };
  for (const r of ROOTS) walk(r);
  return out.sort();
}

/** What a file imports: relative imports resolved to repository paths, packages by name. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(path.join(REPO, file), 'utf8'), true, true);
  return info.importedFiles.map(({ fileName }) =>
    fileName.startsWith('.') ? path.posix.join(path.posix.dirname(file), fileName).replace(/\.js$/, '.ts') : fileName,
  );
}

type Layer = 'core' | 'node' | 'suite' | 'cli';
const layerOf = (file: string): Layer =>
  file.startsWith('src/node/') ? 'node' : file.startsWith('src/') ? 'core' : file.startsWith('conformance/') ? 'suite' : 'cli';

/** Which layers a layer may import (itself included). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: ['core'],
  node: ['node', 'core'],
  suite: ['suite', 'core', 'node'],
  cli: ['cli', 'suite', 'core', 'node'],
};
/** Packages the core may use outside its tests: no clock, disk, network or randomness. */
const CORE_PACKAGES = /^(io-ts|fp-ts|ts-pattern)(\/|$)/;
const isTest = (file: string): boolean => /\.test\.ts$/.test(file);

/** layerViolations: "a -> b: why" for every import that runs against the layers. */
export function layerViolations(graph: Graph): string[] {
  const bad: string[] = [];
  for (const [file, imports] of graph) {
    const from = layerOf(file);
    for (const imp of imports) {
      const local = ROOTS.some((r) => imp.startsWith(`${r}/`));
      if (local) {
        const to = layerOf(imp);
        if (!MAY_IMPORT[from].includes(to)) bad.push(`${file} -> ${imp}: the ${from} layer may not import the ${to} layer`);
      } else if (from === 'core' && !isTest(file) && !CORE_PACKAGES.test(imp)) {
        bad.push(`${file} -> ${imp}: the core imports only io-ts, fp-ts and ts-pattern (no I/O, clock or randomness)`);
      }
    }
  }
  return bad;
}

/** circles: the strongly connected components of more than one file, and files importing themselves (Tarjan). */
export function circles(graph: Graph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next += 1;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

t.test('the repository: imports run one way, no circles', async (t) => {
  const files = sourceFiles();
  const graph: Graph = new Map(files.map((f) => [f, importsOf(f)]));
  t.ok(files.length > 100, `${files.length} files read`);
  const missing = [...graph].flatMap(([f, imps]) => imps.filter((i) => i.includes('/') && ROOTS.some((r) => i.startsWith(`${r}/`)) && !graph.has(i)).map((i) => `${f} -> ${i}`));
  t.same(missing, [], 'every relative import names a file that exists');
  t.same(layerViolations(graph), [], 'no import runs against the layers');
  t.same(circles(graph), [], 'no import circle');
});

t.test('the checks catch what they are for', async (t) => {
  const g = (edges: Record<string, string[]>): Graph => new Map(Object.entries(edges));
  t.same(layerViolations(g({ 'src/a.ts': ['conformance/b.ts'], 'conformance/b.ts': [] })), [
    'src/a.ts -> conformance/b.ts: the core layer may not import the suite layer',
  ]);
  t.same(layerViolations(g({ 'conformance/a.ts': ['scripts/b.ts'] })), ['conformance/a.ts -> scripts/b.ts: the suite layer may not import the cli layer']);
  t.same(layerViolations(g({ 'src/a.ts': ['src/node/b.ts'] })), ['src/a.ts -> src/node/b.ts: the core layer may not import the node layer']);
  t.same(layerViolations(g({ 'src/a.ts': ['node:fs'] })).length, 1, 'the core touches no I/O module');
  t.same(layerViolations(g({ 'src/a.test.ts': ['tap', 'node:fs'], 'src/node/b.ts': ['src/a.ts', 'node:http2'] })), [], 'tests and the node shell may');
  t.same(circles(g({ a: ['b'], b: ['c'], c: ['a'], d: ['a'] })), [['a', 'b', 'c']]);
  t.same(circles(g({ a: ['a'] })), [['a']]);
  t.same(circles(g({ a: ['b'], b: [] })), []);
});
