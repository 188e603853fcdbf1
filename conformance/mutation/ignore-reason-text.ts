// ignore-reason-text: a StrykerJS ignore-plugin ("reason-text") that leaves
// unmutated the text that explains why an action is not enabled or why an
// input is bad: the message of guardFailed(...), the arguments of
// inconsistentState(...) and every `message:` property. No spec variable,
// no enabledness and no step holds that text, so a conformance replay
// cannot tell a mutant of it from the original; it is tested where it is
// read (src/*.test.ts).
// Every mutant ignored here is listed in the report with this reason.
import { declareValuePlugin, PluginKind } from '@stryker-mutator/api/plugin';

/** The part of Babel's NodePath this plugin reads. */
type Node = { readonly type: string; readonly name?: string; readonly key?: Node; readonly callee?: Node };
type NodePath = { readonly node: Node; readonly parentPath: NodePath | null; readonly key: string | number | null; readonly listKey?: string };

function calleeName(path: NodePath | null): string | undefined {
  const node = path?.node;
  return node?.type === 'CallExpression' && node.callee?.type === 'Identifier' ? node.callee.name : undefined;
}

/** shouldIgnore: why a node (and everything under it) is not mutated, or undefined. */
export function shouldIgnore(path: NodePath): string | undefined {
  const { node } = path;
  if (path.listKey === 'arguments') {
    const callee = calleeName(path.parentPath);
    if (callee === 'guardFailed' && path.key === 2) return 'reason text: the message of guardFailed';
    if (callee === 'inconsistentState') return 'reason text: inconsistentState';
  }
  if (node.type === 'ObjectProperty' && node.key?.type === 'Identifier' && node.key.name === 'message') {
    return 'reason text: a message property';
  }
  return undefined;
}

export const strykerPlugins = [declareValuePlugin(PluginKind.Ignore, 'reason-text', { shouldIgnore })];
