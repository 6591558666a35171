/**
 * The six decisions a host makes about its plugins, in pipeline order.
 * Every error and every line of an extension's history names one of them, so
 * that "where did my plugin stop?" always has a one-word answer.
 */
export const STAGES = [
  'discovery',
  'enabling',
  'import',
  'integration',
  'enforcement',
  'invocation',
] as const;

export type Stage = (typeof STAGES)[number];
