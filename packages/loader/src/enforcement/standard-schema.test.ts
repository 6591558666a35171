import type { StandardSchemaV1 } from '@standard-schema/spec';
import { type } from 'arktype';
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { Contract } from './contract.ts';
import { standardSchema } from './standard-schema.ts';

// The same API in three libraries: the contract cannot tell them apart.
const schemas = {
  valibot: v.object({ name: v.string(), eventTypes: v.array(v.string()), process: v.function() }),
  zod: z.object({ name: z.string(), eventTypes: z.array(z.string()), process: z.function() }),
  arktype: type({ name: 'string', eventTypes: 'string[]', process: 'Function' }),
} satisfies Record<string, StandardSchemaV1>;

const bad = { name: 3, eventTypes: ['compute.*', 2] };

describe.each(Object.entries(schemas))('standardSchema with %s', (vendor, schema) => {
  const contract = standardSchema(schema);

  it('accepts a plugin that matches', async () => {
    const plugin = { name: 'compute', eventTypes: ['compute.*'], process: () => undefined };
    const result = await contract.check(plugin);
    expect(result.ok).toBe(true);
    expect(result.ok && result.value.eventTypes).toEqual(['compute.*']);
  });

  it('lists every issue with a dotted path', async () => {
    const result = await contract.check(bad);
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.issues.map((i) => i.path).sort();
    expect(paths).toEqual(['eventTypes.1', 'name', 'process']);
    for (const issue of result.ok ? [] : result.issues) expect(issue.message).not.toBe('');
  });

  it(`is named after the vendor (${vendor})`, () => {
    expect(contract.name).toBe(`${vendor} schema`);
  });
});

describe('standardSchema: what the host gets', () => {
  it('is the validated output, transformed by the schema', () => {
    const contract = standardSchema(
      v.object({ name: v.pipe(v.string(), v.trim()), priority: v.optional(v.number(), 10) }),
    );
    expect(contract.check({ name: '  cpu  ' })).toEqual({
      ok: true,
      value: { name: 'cpu', priority: 10 },
    });
  });

  it("is the plugin's own object with use: 'input' (a class instance keeps its methods)", async () => {
    class Counter {
      #count = 0;
      name = 'counter';
      next(): number {
        this.#count += 1;
        return this.#count;
      }
    }
    const schema = z.object({ name: z.string(), next: z.function() });
    const copy = await standardSchema(schema).check(new Counter());
    // The library's copy has lost the private field its method needs.
    expect(() => (copy.ok ? copy.value.next() : undefined)).toThrow();
    const plugin = new Counter();
    const own = await standardSchema(schema, { use: 'input' }).check(plugin);
    expect(own.ok && own.value).toBe(plugin);
  });
});

describe('standardSchema: sync and async schemas', () => {
  it('answers a sync schema synchronously', () => {
    const result = standardSchema(v.object({ name: v.string() })).check({ name: 'x' });
    expect(result).not.toBeInstanceOf(Promise);
    expect(result).toEqual({ ok: true, value: { name: 'x' } });
  });

  it('awaits a schema with async checks', async () => {
    const schema = v.pipeAsync(
      v.object({ url: v.string() }),
      v.checkAsync(async (input) => input.url.startsWith('memory:'), 'only memory: URLs'),
    );
    const contract = standardSchema(schema, { name: 'storage options' });
    const result = contract.check({ url: 'sqlite:' });
    expect(result).toBeInstanceOf(Promise);
    await expect(result).resolves.toEqual({
      ok: false,
      issues: [{ path: '', message: 'only memory: URLs' }],
    });
    expect(contract.name).toBe('storage options');
  });
});

describe('standardSchema: types', () => {
  it("infers the plugin type from the schema's output", () => {
    expectTypeOf(standardSchema(schemas.valibot)).toEqualTypeOf<
      Contract<{ name: string; eventTypes: string[]; process: (...args: unknown[]) => unknown }>
    >();
    expectTypeOf(standardSchema(type({ name: 'string', 'port?': 'number' }))).toEqualTypeOf<
      Contract<{ name: string; port?: number }>
    >();
    const withDefault = standardSchema(z.object({ priority: z.number().default(10) }));
    expectTypeOf(withDefault).toEqualTypeOf<Contract<{ priority: number }>>();
  });
});
