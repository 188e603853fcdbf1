// raftref/conformance: the suite's public API, what `import ... from 'raftref/conformance'` gives
// (conformance/README.md, "API"). Replay traces against src/ or an injected implementation,
// read and decode traces, generate them from the model, model-check, and the version.

export { replayFiles, DEFAULT_REPRO_DIR, type ReplayFilesOptions, type ReplayFilesResult, type TraceOutcome } from './run.js';
export { replayTrace, type ReplayOptions, type ReplayResult, type Divergence } from './replay.js';
export { SRC_ACTIONS, type Actions } from './actions.js';
export { parseTrace, decodeTrace, readTrace, formatTraceError, type TraceError } from './itf/read.js';
export type { Trace } from './trace.js';
export { findTraces } from './files.js';
export { generateTraces, type GenerateResult } from './generate/generate.js';
export type { GenerateOptions } from './generate/options.js';
export { checkEmbedded } from './tla/embedded.js';
export { loadModel, type LoadedModel } from './tla/model.js';
export { discoverModels, selectModels, type ModelFiles } from './tla/models.js';
export type { CheckResult } from './tla/result.js';
export { defaultSpecFile, repoDir, specHashOf } from './spec-hash.js';
export { raftrefVersion, versionInfo, type VersionInfo } from './version.js';
