import { describe, expect, expectTypeOf, it } from 'vitest';
import { asIs } from './as-is.ts';
import type { Integration } from './integration.ts';

describe('asIs', () => {
  it('hands back the very export, whatever it is', () => {
    const plugin = { poll: () => [] };
    const integration = asIs<typeof plugin>();
    expect(integration.integrate(plugin, { namespace: 'ns', name: 'p' })).toBe(plugin);
    expect(asIs().integrate(42, { namespace: 'ns', name: 'p' })).toBe(42);
  });

  it('is named as-is and typed by the host', () => {
    expect(asIs().name).toBe('as-is');
    expectTypeOf(asIs<{ poll(): number[] }>()).toEqualTypeOf<Integration<{ poll(): number[] }>>();
  });
});
