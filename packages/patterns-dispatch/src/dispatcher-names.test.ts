/**
 * A dispatcher built for some names only (`names`): a name nothing declares
 * is refused at once, while a name two packages claim is accepted and says
 * it is ambiguous when it is called.
 */
import { AmbiguousPluginError, ExtensionSet, NoMatchingPluginError } from '@plugin-patterns/loader';
import { afterAll, describe, expect, it } from 'vitest';
import { foundTwiceSets } from '../../loader/test-fixtures/found-twice.ts';
import { Dispatcher } from './dispatcher.ts';

const namespace = 'test.greeters';
const sets = foundTwiceSets(namespace);
afterAll(() => sets.removeAll());

describe('Dispatcher with names: a name nothing declares', () => {
  it('is a NoMatchingPluginError from the constructor, with the closest name', () => {
    const set = ExtensionSet.fromObjects('greeters', { english: {}, french: {} });
    const build = () => new Dispatcher(set, { names: ['english', 'frenhc'] });
    expect(build).toThrow(NoMatchingPluginError);
    expect(build).toThrow(expect.objectContaining({ closest: 'french' }) as Error);
  });
});

describe('Dispatcher with names: a name two packages claim', () => {
  it('loads, and calling it is an AmbiguousPluginError naming both', async () => {
    const dispatcher = await Dispatcher.load(sets.discover('rival-greetings'), {
      names: ['hello'],
    });
    expect(() => dispatcher.call('hello', () => 'called')).toThrow(
      expect.objectContaining({
        claimants: ['greeting-plugins@1.0.0', 'rival-greetings@1.0.0'],
      }) as Error,
    );
    expect(() => dispatcher.call('hello', () => 'called')).toThrow(AmbiguousPluginError);
  });
});
