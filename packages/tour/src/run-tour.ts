/**
 * The tour, start to finish: load the host (one package scan of the tour
 * package's dependencies, which every later step reuses), show what it
 * found, run it end to end, then run every approach of every stage side by
 * side on the same plugins, and the untrusted plugins in process and
 * isolated. Returns plain data; `render.ts` turns it into text, `--json`
 * prints it as it is.
 */
import { fileURLToPath } from 'node:url';
import { packageScan } from '@plugin-patterns/loader';
import { withTransport } from './bus/with-transport.ts';
import { runEndToEnd } from './end-to-end.ts';
import { loadHost } from './host-setup.ts';
import { hostStates } from './host-states.ts';
import { compareIsolation } from './isolation-section.ts';
import { compareStages } from './stage-comparisons.ts';
import type { TourResult } from './tour-result.ts';
import { prepareStorage, storageFile } from './tour-storage.ts';

export interface TourOptions {
  /** Storage URL; default an SQLite file under the system's temp folder. */
  readonly storage?: string;
  /**
   * Where the notifications come from: `fixture:`, `memory:`, `amqp://…`; a
   * notification agent consumes them. Default: the fixture, dispatched directly.
   */
  readonly transport?: string;
  /** Called with a short description before each long step. */
  readonly progress?: (step: string) => void;
  /** The host's folder (its package.json dependencies are scanned). Default: the tour package. */
  readonly root?: string;
  /** Polling cycles (default 3), and the pause between them (default 20 ms). */
  readonly cycles?: number;
  readonly intervalMs?: number;
  /** How long a plugin's promised answer may take (default 50 ms). */
  readonly timeoutMs?: number;
}

/** The tour package's folder, from `src/` and from `dist/` alike. */
export const TOUR_ROOT: string = fileURLToPath(new URL('..', import.meta.url));

export async function runTour(options: TourOptions = {}): Promise<TourResult> {
  const progress = options.progress ?? (() => {});
  const root = options.root ?? TOUR_ROOT;
  const timing = {
    cycles: options.cycles ?? 3,
    intervalMs: options.intervalMs ?? 20,
    timeoutMs: options.timeoutMs ?? 50,
  };
  const storageUrl = prepareStorage(options.storage);

  progress('Discovering and loading the plugins');
  // One scan of the host's dependencies serves the host, the transport and
  // the stage comparisons (the discovery table's timed scans aside).
  const source = packageScan({ cwd: root, cache: false });
  const host = await loadHost(source, storageUrl);
  try {
    const discovered = hostStates(host);
    progress('Routing notifications and polling');
    const { bus, ...endToEnd } = await withTransport(source, options.transport, (transport) =>
      runEndToEnd(host, { ...timing, transport }),
    );
    const stages = await compareStages({ root, source, progress, ...timing });
    progress('Running untrusted plugins in process, in workers and in child processes');
    const isolation = await compareIsolation();
    return {
      storage: {
        url: host.storage.url?.redacted ?? storageUrl,
        driver: host.storage.name,
        file: storageFile(storageUrl),
      },
      discovered,
      endToEnd,
      stages,
      isolation,
      ...(bus === undefined ? {} : { bus }),
    };
  } finally {
    await host.storage.driver.close();
  }
}
