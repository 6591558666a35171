/**
 * The samples table and the SQL that reads and writes it.
 *
 * Two choices follow from the storage contract. The timestamp is kept twice:
 * as `taken_at` (timestamptz) to filter and order by instant, and as the text
 * the sample carried, so a sample comes back exactly as it was written. And a
 * `bigserial` id records write order, the contract's tie-breaker between
 * samples of the same instant.
 *
 * A batch is inserted by one statement over `unnest` of one array per column:
 * eight parameters whatever the batch size, so a large batch never meets the
 * protocol's limit of 65,535 parameters, and `WITH ORDINALITY` keeps the ids in
 * batch order.
 */
import { parseQueryBound, type Sample, type SampleQuery } from '@plugin-patterns/meter-contracts';
import { escapeIdentifier } from 'pg';

export interface Statement {
  readonly text: string;
  readonly values: unknown[];
}

/** Creates the table and its index if missing. Run under an advisory lock (see postgres-storage.ts). */
export function createTable(table: string): string {
  const t = escapeIdentifier(table);
  const index = escapeIdentifier(`${table}_meter_taken_at`);
  return `CREATE TABLE IF NOT EXISTS ${t} (
    id bigserial PRIMARY KEY,
    meter text NOT NULL,
    type text NOT NULL,
    unit text NOT NULL,
    volume double precision NOT NULL,
    resource_id text NOT NULL,
    project_id text,
    taken_at timestamptz NOT NULL,
    "timestamp" text NOT NULL,
    source text NOT NULL
  );
  CREATE INDEX IF NOT EXISTS ${index} ON ${t} (meter, taken_at, id);
  CREATE TABLE IF NOT EXISTS ${escapeIdentifier(messagesTable(table))} (
    message_id text PRIMARY KEY
  )`;
}

/**
 * The ids of the messages whose samples are stored, beside the samples: an id
 * is inserted in the same transaction as its samples, so a redelivered
 * message finds it and stores nothing.
 */
export function messagesTable(table: string): string {
  return `${table}_messages`;
}

/**
 * One statement, so one round trip and atomic by itself: the whole batch or
 * nothing, with no BEGIN and COMMIT around it. With a message id, the id is
 * recorded by a data-modifying CTE of the same statement, and the samples are
 * inserted only if it was new: a redelivery inserts no row (rowCount 0). A
 * second agent recording the same id at the same moment waits for the first
 * one's commit, then finds the id there.
 */
export function insertSamples(
  table: string,
  samples: readonly Sample[],
  messageId?: string,
): Statement {
  const values: unknown[] = [
    samples.map((s) => s.meter),
    samples.map((s) => s.type),
    samples.map((s) => s.unit),
    samples.map((s) => s.volume),
    samples.map((s) => s.resourceId),
    samples.map((s) => s.projectId),
    samples.map((s) => s.timestamp),
    samples.map((s) => s.source),
  ];
  let recorded = '';
  let onlyIfNew = '';
  if (messageId !== undefined) {
    values.push(messageId);
    recorded = `WITH recorded AS (
      INSERT INTO ${escapeIdentifier(messagesTable(table))} (message_id) VALUES ($9)
      ON CONFLICT DO NOTHING RETURNING message_id
    )`;
    onlyIfNew = 'WHERE EXISTS (SELECT 1 FROM recorded)';
  }
  return {
    text: `${recorded}
      INSERT INTO ${escapeIdentifier(table)}
      (meter, type, unit, volume, resource_id, project_id, taken_at, "timestamp", source)
      SELECT m, t, u, v, r, p, ts::timestamptz, ts, s
      FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[],
                  $5::text[], $6::text[], $7::text[], $8::text[])
        WITH ORDINALITY AS batch(m, t, u, v, r, p, ts, s, position)
      ${onlyIfNew}
      ORDER BY position`,
    values,
  };
}

/** Every given filter must match; oldest first, then in write order. */
export function selectSamples(table: string, query: SampleQuery): Statement {
  const where: string[] = [];
  const values: unknown[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown): void => {
    values.push(value);
    where.push(condition(`$${values.length}`));
  };
  if (query.meter !== undefined) add((p) => `meter = ${p}`, query.meter);
  if (query.resourceId !== undefined) add((p) => `resource_id = ${p}`, query.resourceId);
  if (query.from !== undefined)
    add((p) => `taken_at >= ${p}::timestamptz`, instant('from', query.from));
  if (query.to !== undefined) add((p) => `taken_at < ${p}::timestamptz`, instant('to', query.to));
  return {
    text: `SELECT meter, type, unit, volume, resource_id, project_id, "timestamp", source
      FROM ${escapeIdentifier(table)}
      ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
      ORDER BY taken_at, id`,
    values,
  };
}

/**
 * A bound as given, once the contracts' rule has accepted it: checked before
 * the query, so the message names the field, not SQL. The text itself goes to
 * the server, which reads it with its own precision (microseconds).
 */
function instant(field: 'from' | 'to', value: string): string {
  parseQueryBound(field, value);
  return value;
}
