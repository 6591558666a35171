// Where code from strings is refused (node --disallow-code-generation-from-
// strings here; a content security policy without 'unsafe-eval' in a
// browser), the compiled map runs the plain map: same answers, no error.
// This file runs itself again under that flag to show it.
import { spawnSync } from 'node:child_process';
import { CompiledIteratorManager, codeGenerationAllowed } from '@plugin-patterns/iterator/compiled';
import { ExtensionSet } from '@plugin-patterns/loader';

if (process.argv[2] !== 'refused') {
  const child = spawnSync(
    process.execPath,
    [
      '--disallow-code-generation-from-strings',
      '--conditions=@plugin-patterns/source',
      import.meta.filename,
      'refused',
    ],
    { encoding: 'utf8' },
  );
  console.log(`here:          code generation allowed? ${codeGenerationAllowed()}`);
  process.stdout.write(child.stdout + child.stderr);
} else {
  const readings = ExtensionSet.fromObjects<() => number>('host.readings', {
    load: () => 0.42,
    disk: () => 0.7,
  });
  const readAll = new CompiledIteratorManager(readings).compile((reading) => reading());
  const { values } = readAll();
  console.log(`under the flag: code generation allowed? ${codeGenerationAllowed()}`);
  console.log(`under the flag: ${values.join(', ')} (the plain map)`);
}
