// A host application outside this repository. Its package.json installs the
// plugin-patterns packages and a third party's plugin package; the host names
// no plugin: a package scan of the folder it runs in finds them.
import { DriverManager } from '@plugin-patterns/driver';
import { IteratorManager } from '@plugin-patterns/iterator';
import { construct, ExtensionSet, packageScan } from '@plugin-patterns/loader';

interface Greeter {
  greet(name: string): string;
}
const namespace = 'hello.greeter';
const scan = packageScan({ cwd: process.cwd(), cache: false }); // this folder's package.json

// The iterator: every greeter installed, called in turn.
const set = ExtensionSet.discover<Greeter>({
  namespace,
  sources: [scan],
  integration: construct(),
});
const greeters = await new IteratorManager(set, { method: 'greet' }).load();
const { values, from } = await greeters.map((greeter) => greeter.greet('reader'));
if (from.length === 0) console.log(`no ${namespace} plugins are installed here`);
for (const [i, extension] of from.entries()) console.log(`${extension.name}: ${values[i]}`);

// The driver: the one greeter the configuration names, if it is installed.
if (from.some((extension) => extension.name === 'shout')) {
  const shout = await DriverManager.load<Greeter>({
    namespace,
    sources: [scan],
    name: 'shout',
    args: [], // new ShoutGreeter()
  });
  console.log(
    `driver: ${shout.name} (${shout.extension.reference}): ${shout.driver.greet('driver')}`,
  );
}
