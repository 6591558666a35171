export { cpu } from './pollsters.js';
export { MemoryStorage } from './storage.js';
