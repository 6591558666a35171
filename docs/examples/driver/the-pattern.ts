// The driver pattern in one file, no dependency: the configuration names one
// plugin; the host loads that one alone and calls it directly. Run: node the-pattern.ts
interface Storage {
  save(sample: string): number; // how many samples it holds
}

class MemoryStorage implements Storage {
  rows: string[] = [];
  save(sample: string) {
    return this.rows.push(sample);
  }
}

// Discovery: what each installed plugin declares. `load` stands for the
// import() of its module: nothing is imported before it is chosen.
const declared = [
  { name: 'memory', load: async () => MemoryStorage },
  { name: 'postgres', load: () => Promise.reject(new Error('Cannot find package "pg"')) },
];

async function loadDriver(url: string): Promise<Storage> {
  const name = url.slice(0, url.indexOf(':')); // the URL's scheme names the driver
  const found = declared.filter((declaration) => declaration.name === name);
  const plugin = found.length === 1 ? found[0] : undefined;
  if (plugin === undefined) throw new Error(`${found.length} drivers named "${name}", not 1`);
  // Imports the chosen plugin only; the others' modules are never read.
  const Driver = await plugin.load().catch((error) => {
    throw new Error(`cannot import "${name}": ${error.message}`);
  });
  const driver: Partial<Storage> = new Driver();
  if (typeof driver.save !== 'function') throw new Error(`"${name}" has no save()`);
  return driver as Storage;
}

const storage = await loadDriver('memory://'); // the URL comes from configuration
const held = storage.save('cpu.util 12.5%'); // the host calls the plugin itself
console.log(`memory:// holds ${held} sample`);
for (const url of ['sqlite://', 'postgres://db'])
  await loadDriver(url).catch((error) => console.log(`${url} ${error.message}`));
