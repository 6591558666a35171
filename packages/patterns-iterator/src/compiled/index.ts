// @plugin-patterns/iterator/compiled: map compiled per plan and per callback,
// the opt-in lesson of docs/how-tapable-gets-its-speed.md.
export {
  CompiledIteratorManager,
  type CompiledMap,
  type CompiledOptions,
  type Compiler,
  codeGenerationAllowed,
} from './compiled-manager.ts';
export { compiledMapSource, MAX_PER_FUNCTION } from './compiled-map-source.ts';
