/**
 * Enforcement by a runtime contract: the namespace's API is written as a
 * schema, in any library that implements the Standard Schema interface
 * (valibot, zod, arktype, and others). The loader depends on the interface
 * only, so the host picks the library, and the schema's static type becomes
 * the plugin type: `standardSchema(schema)` is a `Contract<Output>`.
 *
 * Choose it when the plugin's API is mostly data (a manifest, a settings
 * object, lists of event types) or when the host already has schemas. Each
 * issue the library reports becomes a ContractIssue with a dotted path
 * (`options.url`, `eventTypes.1`), so every problem is listed at once.
 *
 * What the host gets is the schema's output, which may be transformed
 * (defaults filled in, strings parsed). Beware: many libraries' object
 * schemas output a *new* plain object holding only the declared keys. For a
 * plugin that is a class instance, that copy loses its prototype and private
 * fields, and its methods then fail. Pass `use: 'input'` to validate the
 * plugin but hand the host the plugin's own object.
 */
import type { StandardSchemaV1 } from '@standard-schema/spec';
import type { ContractIssue } from '../errors/kinds.ts';
import { isThenable } from '../shared/thenable.ts';
import type { Contract, ContractResult } from './contract.ts';

export interface StandardSchemaOptions {
  /** Shown in errors. Default `VENDOR schema`, e.g. `valibot schema`. */
  readonly name?: string;
  /** `output` (default): the validated value; `input`: the plugin's own object, unchanged. */
  readonly use?: 'output' | 'input';
}

export function standardSchema<S extends StandardSchemaV1>(
  schema: S,
  options: StandardSchemaOptions = {},
): Contract<StandardSchemaV1.InferOutput<S>> {
  type Output = StandardSchemaV1.InferOutput<S>;
  const standard = schema['~standard'];
  const keepInput = options.use === 'input';
  const toResult = (result: StandardSchemaV1.Result<Output>, input: unknown) =>
    result.issues
      ? { ok: false as const, issues: result.issues.map(toContractIssue) }
      : { ok: true as const, value: keepInput ? (input as Output) : result.value };
  return {
    name: options.name ?? `${standard.vendor} schema`,
    check(value): ContractResult<Output> | Promise<ContractResult<Output>> {
      const result = standard.validate(value);
      // Sync stays sync: only a schema with async refinements returns a promise.
      return isThenable(result)
        ? Promise.resolve(result).then((settled) => toResult(settled, value))
        : toResult(result, value);
    },
  };
}

function toContractIssue(issue: StandardSchemaV1.Issue): ContractIssue {
  const path = (issue.path ?? [])
    .map((segment) => String(typeof segment === 'object' ? segment.key : segment))
    .join('.');
  return { path, message: issue.message };
}
