/**
 * Everything the CLI touches of the outside world, in one object: the two
 * output streams, whether each is a terminal, the environment, and the
 * directory commands run in. The bin passes the real process; tests pass a
 * recording one, so every command can be run in-process and its output read
 * back as plain strings.
 */

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Decides colour: only a terminal gets escape codes. */
  readonly stdoutIsTTY: boolean;
  /** Decides progress lines: only a terminal gets them (they overwrite themselves). */
  readonly stderrIsTTY: boolean;
  /** Terminal width, when stdout is one; tables wrap their last column to fit. */
  readonly columns: number | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where relative `--cwd` paths start. */
  readonly cwd: string;
}

/** The real process, as the bin runs it. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    columns: process.stdout.isTTY === true ? process.stdout.columns : undefined,
    env: process.env,
    cwd: process.cwd(),
  };
}

/** A recording io for tests: what was written is read back from `out` and `err`. */
export interface RecordingIo extends CliIo {
  readonly out: () => string;
  readonly err: () => string;
}

export function recordingIo(options: Partial<Omit<CliIo, 'stdout' | 'stderr'>> = {}): RecordingIo {
  let out = '';
  let err = '';
  return {
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      err += text;
    },
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    columns: options.columns,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    out: () => out,
    err: () => err,
  };
}
