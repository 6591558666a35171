import { UptimePollster } from '@acme/meter-uptime';
import { CpuPollster } from '@plugin-patterns/sample-plugins';
import { BreaksContractPollster } from '@plugin-patterns/sample-plugins/faulty/breaks-contract';
import { describe, expect, it } from 'vitest';
import { pollsterSchemaContract } from './pollster-schema.ts';

describe('the valibot pollster schema, as a contract', () => {
  it('is named after the library that checks it', () => {
    expect(pollsterSchemaContract.name).toBe('valibot schema');
  });

  it("accepts a pollster whatever its class, and hands back the plugin's own object", async () => {
    for (const plugin of [new CpuPollster(), new UptimePollster()]) {
      const result = await pollsterSchemaContract.check(plugin);
      expect(result.ok).toBe(true);
      // Not a copy: the instance keeps its prototype and private fields, so poll() works.
      if (result.ok) expect(result.value).toBe(plugin);
      if (result.ok) expect(Array.isArray(await result.value.poll())).toBe(true);
    }
  });

  it('refuses a plugin without poll, with the path of the member at fault', async () => {
    const result = await pollsterSchemaContract.check(new BreaksContractPollster());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(['poll']);
  });

  it('checks values too, listing every problem at once', async () => {
    const result = await pollsterSchemaContract.check({
      meters: ['ok', ''],
      poll: 'soon',
      checkAvailability: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: 'meters.1', message: 'a meter name cannot be empty' },
      expect.objectContaining({ path: 'poll' }),
      expect.objectContaining({ path: 'checkAvailability' }),
    ]);
  });
});
