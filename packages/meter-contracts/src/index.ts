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
export {
  assertSamples,
  InvalidSampleError,
  isSample,
  type MeterType,
  type Sample,
  sampleProblems,
} from './sample.ts';
export {
  type SampleQuery,
  STORAGE_NAMESPACE,
  type StorageDriver,
  type StorageDriverClass,
  type StorageOptions,
} from './storage.ts';
