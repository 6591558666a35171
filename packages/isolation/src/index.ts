export type { IsolationMode } from './channel.ts';
export { type Isolation, type IsolationOptions, isolation } from './isolation.ts';
export type { RestartPolicy } from './restart-policy.ts';
