// The poller: ceilometer's central loop in miniature. Every interval it asks
// each pollster for samples and writes them to a storage driver. A pollster
// whose resource is absent disables itself, once; a faulty one is blamed by
// name each cycle while the others' samples are stored; stop() waits for the
// cycle in flight and writes what it gathered.
import { type CycleReport, IteratorManager, Poller } from '@plugin-patterns/iterator';
import { ExtensionSet } from '@plugin-patterns/loader';
import { type Pollster, readSample } from '@plugin-patterns/meter-contracts';
import {
  CpuPollster,
  HypervisorPollster,
  MemoryPollster,
  MemoryStorage,
} from '@plugin-patterns/sample-plugins';
import { ThrowsPollster } from '@plugin-patterns/sample-plugins/faulty/throws';
import { WrongShapePollster } from '@plugin-patterns/sample-plugins/faulty/wrong-shape';

// Built by hand so that this page reads the same on every machine (a host
// discovers them, as in map.ts). The hypervisor pollster is pointed at paths
// that exist nowhere, so that it finds no hypervisor here, or anywhere.
const pollsters = new IteratorManager(
  ExtensionSet.fromObjects<Pollster>('meter.pollster', {
    cpu: new CpuPollster(),
    memory: new MemoryPollster(),
    hypervisor: new HypervisorPollster({
      probes: ['/nonexistent/libvirt-sock'],
      kvmDevice: '/nonexistent/kvm',
    }),
    throws: new ThrowsPollster(),
    'wrong-shape': new WrongShapePollster(),
  }),
);
const storage = new MemoryStorage({ url: 'memory:' });

let threeCycles: () => void = () => {};
const done = new Promise<void>((resolve) => {
  threeCycles = resolve;
});
const poller = new Poller(pollsters, {
  sink: storage,
  intervalMs: 50,
  readSample,
  onCycle(report: CycleReport) {
    const failed = report.failures.map((f) => f.plugin).join(', ');
    const disabled = report.disabled.map((d) => d.name).join(', ') || 'none';
    console.log(
      `cycle ${report.cycle}: polled ${report.polled}, stored ${report.written}, ` +
        `failed: ${failed}, disabled: ${disabled}`,
    );
    if (report.cycle === 3) threeCycles();
  },
});

poller.start();
await done;
await poller.stop();

console.log(
  `in storage: ${(await storage.query()).length} samples, ${poller.pending.length} pending`,
);
for (const report of pollsters.set.report()) {
  const why = report.reason ?? report.lastError ?? '';
  console.log(`  ${report.name.padEnd(11)} ${report.status.padEnd(8)} ${why}`.trimEnd());
}
