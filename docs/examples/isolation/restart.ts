// What follows a plugin's end is the host's choice. Here a pollster that
// exits on every call runs under three restart policies: never (disabled at
// once), on the next call (a new worker each time), and a bounded backoff
// (at most two restarts, the second after twice the wait). Every restart is a
// line of the record's history.
import { isolation, type RestartPolicy } from '@plugin-patterns/isolation';
import {
  UNTRUSTED_NAMESPACE,
  untrustedPlugins,
} from '@plugin-patterns/isolation/untrusted-plugins';
import { ExtensionSet } from '@plugin-patterns/loader';

interface Pollster {
  poll(): Promise<unknown[]>;
}

const policies: RestartPolicy[] = ['never', 'on-next-call', { backoffMs: 20, maxRestarts: 2 }];
for (const restart of policies) {
  const isolated = isolation<Pollster>({ mode: 'worker', restart });
  const [exits] = await ExtensionSet.discover<Pollster>({
    namespace: UNTRUSTED_NAMESPACE,
    sources: [untrustedPlugins(['exits'])],
    importer: isolated.importer,
    integration: isolated.integration,
  }).loadAll();
  if (exits === undefined) throw new Error('exits did not load');
  const answers: string[] = [];
  for (let call = 1; call <= 4; call++) {
    answers.push(
      await exits.object.poll().then(
        () => 'ok',
        (error: Error) => error.name,
      ),
    );
  }
  console.log(`restart: ${JSON.stringify(restart)}`);
  console.log(`  4 calls: ${answers.join(', ')}`);
  for (const entry of exits.history.filter((e) => e.by === 'restart' || e.outcome === 'disabled')) {
    console.log(`  ${entry.outcome.padEnd(8)} ${entry.detail}`);
  }
  await isolated.close();
}
