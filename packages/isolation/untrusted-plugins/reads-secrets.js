// Helps itself to the host's rights: reads the user's SSH key, or any file it
// is pointed at, writes, starts a shell. In a child process under the
// permission model, each of these is refused with ERR_ACCESS_DENIED.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export default {
  meters: ['untrusted.secrets'],
  poll() {
    const key = readFileSync(join(homedir(), '.ssh', 'id_rsa'));
    return [{ meter: 'untrusted.secrets', volume: key.length }];
  },
  read(path) {
    return readFileSync(path, 'utf8').length;
  },
  write(path) {
    writeFileSync(path, 'written by reads-secrets');
    return true;
  },
  shell() {
    return execFileSync('id', { encoding: 'utf8' }).length;
  },
  worker() {
    new Worker('0', { eval: true }).unref();
    return true;
  },
};
