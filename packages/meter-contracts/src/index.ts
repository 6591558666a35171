export type {
  MakeDriver,
  StorageConformanceCheck,
  StorageConformanceContext,
} from './conformance/define-check.ts';
export { StorageConformanceError } from './conformance/expectations.ts';
export {
  runStorageConformance,
  type StorageConformanceOptions,
  storageConformanceChecks,
  type TestRegistrar,
} from './conformance/storage-conformance.ts';
export {
  MalformedNotificationError,
  NOTIFICATION_NAMESPACE,
  type Notification,
  type NotificationHandler,
  type NotificationHandlerClass,
} from './notification.ts';
export {
  type Availability,
  POLLSTER_NAMESPACE,
  type Pollster,
  type PollsterClass,
} from './pollster.ts';
export { PollsterBase } from './pollster-base.ts';
export { parseQueryBound } from './query-bound.ts';
export {
  assertSamples,
  InvalidSampleError,
  isSample,
  isUtcInstant,
  type MeterType,
  type RefusedSample,
  readSample,
  readSamples,
  type Sample,
  type SampleRead,
  sampleProblems,
} from './sample.ts';
export { type SampleRow, sampleFromRow } from './sample-row.ts';
export {
  InvalidStorageUrlError,
  type SampleQuery,
  STORAGE_NAMESPACE,
  StorageClosedError,
  type StorageDriver,
  type StorageDriverClass,
  type StorageOptions,
  type WriteOptions,
} from './storage.ts';
export {
  type ConsumeOptions,
  type Consumer,
  type DeadLetteredMessage,
  InvalidTransportUrlError,
  messageIdOf,
  TRANSPORT_NAMESPACE,
  type Transport,
  type TransportClass,
  type TransportMessage,
  type TransportOptions,
} from './transport.ts';
