/**
 * Two copies of one base class, as a bundle and node_modules hold them (or
 * two installed versions): `makeBase()` returns a new class of the same name
 * each time it is called, as each copy of a module defines its own.
 */
import { describe, expect, it } from 'vitest';
import { abstractClass } from './abstract-class.ts';
import { CLASS_BRAND } from './class-brand.ts';

function makeBase(brand?: string) {
  abstract class PollsterBase {
    static readonly abstractMembers = ['poll'];
    poll(): number[] {
      throw new Error('poll() is abstract');
    }
  }
  if (brand !== undefined) Object.defineProperty(PollsterBase, CLASS_BRAND, { value: brand });
  return PollsterBase;
}

function pluginOn(Base: ReturnType<typeof makeBase>, implement = true) {
  class CpuPollster extends Base {}
  if (implement) CpuPollster.prototype.poll = () => [1];
  return CpuPollster;
}

describe('abstractClass across copies of the base', () => {
  it('accepts a plugin built on another copy with the same brand', () => {
    const hostCopy = makeBase('meter:PollsterBase@1');
    const pluginCopy = makeBase('meter:PollsterBase@1');
    const plugin = new (pluginOn(pluginCopy))();
    expect(plugin instanceof hostCopy).toBe(false);
    expect(abstractClass(hostCopy).check(plugin)).toEqual({ ok: true, value: plugin });
    const Class = pluginOn(pluginCopy);
    expect(abstractClass(hostCopy, { accept: 'subclass' }).check(Class).ok).toBe(true);
  });

  it("checks the members against the plugin's copy: its placeholder is not an implementation", () => {
    const plugin = new (pluginOn(makeBase('meter:PollsterBase@1'), false))();
    expect(abstractClass(makeBase('meter:PollsterBase@1')).check(plugin)).toEqual({
      ok: false,
      issues: [{ path: 'poll', message: "not implemented: still PollsterBase's placeholder" }],
    });
  });

  it('says "two copies of PollsterBase" when the base has no brand', () => {
    const plugin = new (pluginOn(makeBase()))();
    const result = abstractClass(makeBase()).check(plugin);
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : (result.issues[0]?.message ?? '');
    expect(message).toContain('two copies of PollsterBase');
    expect(message).toContain('has no brand');
  });

  it('refuses a copy of another brand (another major version), saying so', () => {
    const plugin = new (pluginOn(makeBase('meter:PollsterBase@2')))();
    const result = abstractClass(makeBase('meter:PollsterBase@1')).check(plugin);
    expect(result.ok ? '' : result.issues[0]?.message).toContain(
      'two copies of PollsterBase: the plugin extends another copy of PollsterBase',
    );
    expect(result.ok ? '' : result.issues[0]?.message).toContain(
      'their brands differ: meter:PollsterBase@2 is not meter:PollsterBase@1',
    );
  });

  it('does not take a brand inherited by an unrelated class, nor a class for an instance', () => {
    const Base = makeBase('meter:PollsterBase@1');
    const Class = pluginOn(makeBase('meter:PollsterBase@1'));
    expect(abstractClass(Base).check(Class).ok).toBe(false);
    expect(abstractClass(Base).check({ poll: () => [1] }).ok).toBe(false);
  });
});
