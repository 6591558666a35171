/**
 * The hook manager: call every plugin registered under one name, whichever
 * package provides it. Where a driver refuses two claims to one name (which
 * one would it use?), a hook wants them all: several packages can each hook
 * `startup` or `sample.published`, and every one of them is called.
 *
 * It is the iterator manager narrowed to one name: the same plan, modes and
 * policies, over `set.named(name)` instead of the whole namespace. Plugins of
 * one name run in discovery order unless they declare an order.
 */
import type { Extension, ExtensionSet } from '@plugin-patterns/loader';
import { IteratorManager, type IteratorOptions } from './iterator-manager.ts';

export class HookManager<T> extends IteratorManager<T> {
  /** The hook's name: every plugin of the namespace declared under it is called. */
  readonly hook: string;

  constructor(set: ExtensionSet<T>, hook: string, options: IteratorOptions = {}) {
    super(set, options);
    this.hook = hook;
  }

  protected override select(extensions: readonly Extension<T>[]): Extension<T>[] {
    return extensions.filter((e) => e.name === this.hook);
  }

  protected override wantedNames(): readonly string[] {
    return [this.hook];
  }

  protected override describeWanted(): string {
    return `plugin named "${this.hook}"`;
  }
}
