/**
 * The pollster API as a runtime schema, written with valibot, for the
 * enforcement comparison. The loader knows no schema library: it reads the
 * Standard Schema interface (`~standard`) that valibot, zod and arktype all
 * implement, so the host picks the library and the loader's
 * `standardSchema()` turns the schema into a contract.
 *
 * A schema checks values as well as presence: here, that every meter name is
 * a non-empty string, which neither the convention nor the base class looks
 * at. It checks that `poll` is a function, not what it answers: that is the
 * call guard's job, on every call.
 */
import { type Contract, standardSchema } from '@plugin-patterns/loader';
import type { Pollster } from '@plugin-patterns/meter-contracts';
import * as v from 'valibot';

/**
 * Loose, not strict: a pollster is a class instance with fields of its own
 * (a path, a source, a cache) that the host has no business refusing.
 * valibot reads each key through the prototype chain, so methods that live
 * on a class's prototype are found.
 */
const pollsterSchema = v.looseObject({
  meters: v.array(v.pipe(v.string(), v.nonEmpty('a meter name cannot be empty'))),
  poll: v.function(),
  checkAvailability: v.optional(v.function()),
});

/**
 * `use: 'input'`: validate the plugin, but hand the host the plugin's own
 * object. valibot's output is a new plain object holding the declared keys,
 * copied off the instance: without its prototype, private fields and `this`,
 * so `poll()` on that copy would fail (a `#field` read throws on it). The
 * host must call the instance it validated, not a copy of it.
 *
 * The cast names the plugin type the schema stands for: valibot types a
 * checked function as `(...args: unknown[]) => unknown`, since it cannot see
 * a signature at run time.
 */
export const pollsterSchemaContract: Contract<Pollster> = standardSchema(pollsterSchema, {
  use: 'input',
}) as Contract<Pollster>;
