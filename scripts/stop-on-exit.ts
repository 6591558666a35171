/**
 * A server this process started is stopped when the process ends, whichever
 * way it ends short of SIGKILL: a run interrupted by Ctrl-C (`pnpm bench`, a
 * vitest run) would otherwise leave a PostgreSQL or RabbitMQ running in a temp
 * folder that nothing records, for no one to stop.
 *
 * Node.js runs nothing on a signal it has no listener for, and only
 * synchronous code in an `exit` listener: `stop` must be synchronous (an
 * execFileSync of stop.sh). A listener for a signal also takes away the
 * signal's default action, so once the server is stopped the signal is raised
 * again, to end the process as it would have ended, unless another listener
 * is there to handle it (a second server's, or the test runner's).
 */

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Runs `stop` when the process exits or receives SIGINT, SIGTERM or SIGHUP. Returns what unregisters it. */
export function stopOnExit(stop: () => void): () => void {
  const onExit = () => stop();
  const onSignal = (signal: NodeJS.Signals) => {
    release();
    stop();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const release = () => {
    process.off('exit', onExit);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  process.on('exit', onExit);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return release;
}
