import { describe, expect, it } from 'vitest';
import { recordingIo } from '../cli-io.ts';
import { EXIT } from '../exit-codes.ts';
import { main } from '../main.ts';
import { fakeScan, tempProject } from '../test-fakes.ts';
import type { TourModule } from './tour.ts';

/** A stand-in tour: reports two steps, returns a small result, renders it in one line. */
function fakeTour(
  calls: {
    storage?: string | undefined;
    transport?: string | undefined;
    palette?: boolean;
    verbose?: boolean | undefined;
  }[],
): TourModule {
  return {
    async runTour(options) {
      calls.push(
        options.transport === undefined
          ? { storage: options.storage }
          : { storage: options.storage, transport: options.transport },
      );
      options.progress?.('Step one');
      options.progress?.('Step two');
      return { answer: 42 };
    },
    renderTour(result, options) {
      calls.push({ palette: options.palette.enabled, verbose: options.verbose });
      return `rendered ${JSON.stringify(result)}\n`;
    },
  };
}

async function runTourCommand(args: string[], io = recordingIo({ cwd: tempProject() })) {
  const calls: {
    storage?: string | undefined;
    transport?: string | undefined;
    palette?: boolean;
    verbose?: boolean;
  }[] = [];
  const code = await main(['tour', ...args], {
    io,
    scanProject: fakeScan(),
    importTour: async () => fakeTour(calls),
  });
  return { code, calls, out: io.out(), err: io.err() };
}

describe('tour command', () => {
  it('renders the result with the palette stdout allows, and passes --storage on', async () => {
    const { code, calls, out } = await runTourCommand(['--storage', 'memory:']);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe('rendered {"answer":42}\n');
    expect(calls).toEqual([{ storage: 'memory:' }, { palette: false, verbose: false }]);
  });

  it('passes --transport on', async () => {
    const { calls } = await runTourCommand(['--transport', 'memory:', '--storage', 'memory:']);
    expect(calls[0]).toEqual({ storage: 'memory:', transport: 'memory:' });
  });

  it('asks for every line in full with --verbose', async () => {
    const { calls } = await runTourCommand(['--verbose']);
    expect(calls[1]).toEqual({ palette: false, verbose: true });
  });

  it('prints the result as JSON with --json', async () => {
    const { out } = await runTourCommand(['--json']);
    expect(JSON.parse(out)).toEqual({ answer: 42 });
  });

  it('writes progress lines to stderr only when stderr is a terminal', async () => {
    expect((await runTourCommand([])).err).toBe('');
    const tty = recordingIo({ cwd: tempProject(), stderrIsTTY: true });
    const { err, out } = await runTourCommand([], tty);
    expect(err).toContain('Step one…');
    expect(err).toContain('Step two…');
    expect(err.endsWith('\r\u001b[K')).toBe(true);
    expect(out).not.toContain('Step');
  });

  it('turns a failing tour into one error line and exit 1', async () => {
    const io = recordingIo({ cwd: tempProject() });
    const code = await main(['tour'], {
      io,
      scanProject: fakeScan(),
      importTour: async () => ({
        runTour: () => Promise.reject(new Error('no such driver: mysql')),
        renderTour: () => '',
      }),
    });
    expect(code).toBe(EXIT.error);
    expect(io.err()).toBe('error: the tour failed: no such driver: mysql\n');
  });
});
