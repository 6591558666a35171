import { describe, expect, it } from 'vitest';
import { assertSupportedNode, MINIMUM_NODE, unsupportedNode } from './supported-node.ts';

describe('unsupportedNode: which Node.js the packages need, said in words', () => {
  it('refuses the Node.js versions that fail on a newer API, naming the one it needs', () => {
    // 20: no module.findPackageJSON; 22.12: node:sqlite behind a flag; 22.17: no type stripping by default.
    for (const node of ['20.20.2', '22.12.0', '22.17.1', '18.0.0']) {
      expect(unsupportedNode({ node })).toBe(
        `needs Node.js 22.18.0 or later (22.18+ or 24); this is Node.js ${node}`,
      );
    }
  });

  it('accepts the floor and everything above it', () => {
    for (const node of [MINIMUM_NODE, '22.23.5', '23.0.0', '24.21.0', '26.1.0']) {
      expect(unsupportedNode({ node })).toBeUndefined();
    }
  });

  it('leaves Bun and Deno alone: the Node.js version they report is their own choice', () => {
    expect(unsupportedNode({ node: '22.6.0', bun: '1.4.5' })).toBeUndefined();
    expect(unsupportedNode({ node: '20.11.1', deno: '2.9.6' })).toBeUndefined();
  });

  it('passes on the Node.js running these tests, which is a supported one', () => {
    expect(() => assertSupportedNode('@plugin-patterns/loader')).not.toThrow();
  });
});
