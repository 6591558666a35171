/**
 * Step 2 as text: what flowed through the host — notifications dispatched,
 * pollsters polled, samples stored — and the per-meter totals read back from
 * the storage next to what was written.
 */
import { escapeText, type Palette, renderTable } from '@plugin-patterns/cli';
import { deliberateMark, formatNumber, names } from './render-format.ts';
import type { BusFacts, EndToEnd, StorageFacts } from './tour-result.ts';

export function renderEndToEnd(
  run: EndToEnd,
  storage: StorageFacts,
  options: {
    palette: Palette;
    maxWidth?: number | undefined;
    deliberate?: ReadonlySet<string>;
    bus?: BusFacts | undefined;
  },
): string {
  const c = options.palette;
  const faulty = options.deliberate;
  const n = run.notifications;
  const p = run.polling;
  const lines = [
    `Storage: driver ${escapeText(storage.driver)}, URL ${escapeText(storage.url)}`,
    ...(storage.file === undefined ? [] : [`  file: ${escapeText(storage.file)}`]),
    ...busLines(options.bus),
    `Notifications: ${n.events} events -> ${n.routed} routed, ${n.unrouted} unrouted, ${n.malformed} malformed`,
    `  ${n.deliveries} deliveries to handlers, ${n.failed} failed; ${n.samples} samples`,
    ...n.problems.map(
      (f) =>
        `  ${c.yellow('!')} ${f.plugin}${deliberateMark(f.deliberate, c)}: ${f.error}: ${escapeText(f.message)}`,
    ),
    `Polling: ${p.cycles} cycles, one every ${p.intervalMs} ms, over ${names(p.pollsters)}`,
    `  ${p.samples} samples, ${p.failures.length} failed calls`,
    ...p.failures.map(
      (f) =>
        `  ${c.red('x')} ${f.plugin}${deliberateMark(faulty?.has(f.plugin), c)}: ${escapeText(f.message)}`,
    ),
    `Written: ${run.written.samples} samples in ${run.written.batches} batches`,
    '',
  ];
  const written = new Map(run.writtenTotals.map((t) => [t.meter, t]));
  const rows = run.readBack.map((t) => {
    const w = written.get(t.meter);
    const same = w !== undefined && w.count === t.count && w.sum === t.sum;
    // Meters and units are what plugins wrote, read back from the storage.
    return [
      escapeText(t.meter),
      t.origin,
      `${t.count} ${t.count === 1 ? 'sample' : 'samples'}`,
      formatNumber(t.sum),
      escapeText(t.unit),
      same ? c.green('yes') : c.red('NO'),
    ];
  });
  const matches =
    run.readBack.length === run.writtenTotals.length && rows.every((r) => r[5] === c.green('yes'));
  const table = renderTable(
    [
      { header: 'METER' },
      { header: 'FROM' },
      { header: 'COUNT', align: 'right' },
      { header: 'SUM', align: 'right' },
      { header: 'UNIT' },
      { header: '= WRITTEN' },
    ],
    rows,
    {
      title: "Totals read back from the storage (SUM is in UNIT; pollster sums are this machine's)",
      palette: c,
      maxWidth: options.maxWidth,
    },
  );
  const verdict = matches
    ? c.green('Every total read back equals what was written.')
    : c.red('The totals read back differ from what was written.');
  return `${lines.join('\n')}\n${table}${verdict}\n`;
}

/** With `--transport`: the bus, and what the notification agent did with its messages. */
function busLines(bus: BusFacts | undefined): string[] {
  if (bus === undefined) return [];
  return [
    `Transport: driver ${escapeText(bus.driver)}, URL ${escapeText(bus.url)} (a notification agent consumed it)`,
    `  ${bus.published} published, ${bus.acknowledged} acknowledged once stored, ${bus.deadLettered} dead-lettered, ${bus.redelivered} redelivered`,
  ];
}
