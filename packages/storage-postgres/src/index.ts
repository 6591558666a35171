export { PostgresStorage } from './postgres-storage.ts';
export { DEFAULT_TABLE, type PostgresUrl, parsePostgresUrl } from './postgres-url.ts';
