// @plugin-patterns/isolation: plugins run out of the host's process.
//
//   isolation()       the loader's import and integration stages, run in a
//                     worker thread (one per plugin or per namespace) or a
//                     child process; its options, and close()
//   IsolationMode     'worker' or 'child'
//   RestartPolicy     what follows the end of a worker or child
export type { IsolationMode } from './channel.ts';
export { type Isolation, type IsolationOptions, isolation } from './isolation.ts';
export type { RestartPolicy } from './restart-policy.ts';
