/**
 * The tour's result: plain data, so one value serves the terminal renderer,
 * `--json`, and the tests. Everything in it is the same on every run on the
 * same machine except what `normalise.ts` masks: timings (`ms`) and the
 * machine's own pollster readings (`sum` of a pollster meter).
 */
import type { DispatchSummary } from '@plugin-patterns/dispatch';
import type { Stage } from '@plugin-patterns/loader';
import type { IsolationComparison } from './isolation-section.ts';

export interface TourResult {
  /** Where the samples went: the URL (any password redacted) and the driver it chose. */
  readonly storage: StorageFacts;
  /** Step 1: every extension of the four namespaces, as the tour's host left it. */
  readonly discovered: readonly NamespaceStates[];
  /** Step 2: notifications and polls, stored, then read back. */
  readonly endToEnd: EndToEnd;
  /** Step 3: one table per stage, every approach on the same plugins. */
  readonly stages: StageComparisons;
  /** Step 4: the untrusted plugins run in the host's process, in a worker, in a child process. */
  readonly isolation: IsolationComparison;
  /** With `--transport`: the bus the notifications came over, and what the agent did. */
  readonly bus?: BusFacts;
}

export interface BusFacts {
  /** The transport's URL (any password redacted) and the driver it chose. */
  readonly url: string;
  readonly driver: string;
  /** Notifications the tour published to the queue (0 for `fixture:`, which holds them). */
  readonly published: number;
  readonly acknowledged: number;
  readonly deadLettered: number;
  readonly redelivered: number;
}

export interface StorageFacts {
  readonly url: string;
  readonly driver: string;
  /** The database or log file, for file-backed drivers. */
  readonly file: string | undefined;
}

export interface PluginState {
  readonly name: string;
  readonly status: 'enabled' | 'disabled' | 'failed';
  readonly loaded: boolean;
  /** The failing stage, for a failed plugin. */
  readonly stage: Stage | undefined;
  /** The policy that disabled it, for a disabled plugin. */
  readonly by: string | undefined;
  /** Why it is not enabled; empty when it is. */
  readonly reason: string;
  /** `package@version`. */
  readonly source: string;
}

export interface NamespaceStates {
  readonly namespace: string;
  /** The host's pipeline for it, by name: policies, integration, contract. */
  readonly pipeline: string;
  readonly plugins: readonly PluginState[];
}

export interface MeterTotal {
  readonly meter: string;
  /** Notification meters come from the fixture (fixed); pollster meters from this machine. */
  readonly origin: 'notification' | 'pollster';
  /** The samples' unit (`%`, `B`, `instance`…): what the sum is counted in. */
  readonly unit: string;
  readonly count: number;
  readonly sum: number;
}

export interface CallFailure {
  readonly plugin: string;
  readonly error: string;
  readonly message: string;
  /** Caused on purpose by the demo (a faulty sample plugin, a broken event of the fixture). */
  readonly deliberate?: boolean;
}

export interface EndToEnd {
  /** The dispatcher's own summary of the stream, with what the tour made of it. */
  readonly notifications: DispatchSummary & {
    readonly samples: number;
    /** Events that reached no handler, and failed deliveries: each with its reason. */
    readonly problems: readonly CallFailure[];
  };
  readonly polling: {
    readonly cycles: number;
    readonly intervalMs: number;
    readonly pollsters: readonly string[];
    readonly samples: number;
    readonly failures: readonly CallFailure[];
  };
  readonly written: { readonly samples: number; readonly batches: number };
  /** Totals of what this run wrote, as read back from the storage. */
  readonly readBack: readonly MeterTotal[];
  /** Totals of what this run wrote, as counted before writing. */
  readonly writtenTotals: readonly MeterTotal[];
}

export interface DiscoveryRow {
  readonly approach: string;
  readonly found: readonly string[];
  readonly problems: readonly string[];
  readonly ms: number;
  readonly note: string;
}

export interface EnablingRow {
  readonly policy: string;
  readonly enabled: readonly string[];
  readonly disabled: readonly { readonly name: string; readonly reason: string }[];
  /** Configured names that match no plugin, with the closest real one. */
  readonly unmatched: readonly string[];
}

export interface EnforcementVerdict {
  readonly plugin: string;
  /** `caught` at a stage, `passed` this way's check, or `not reached` (stopped earlier). */
  readonly outcome: 'caught' | 'passed' | 'not reached';
  /** The stage it was caught at, for `caught`. */
  readonly caughtAt: Stage | undefined;
  readonly detail: string;
}

export interface EnforcementRow {
  readonly way: string;
  readonly verdicts: readonly EnforcementVerdict[];
}

export interface InvocationRow {
  readonly pattern: string;
  readonly input: string;
  readonly calls: number;
  readonly results: string;
  readonly failures: readonly CallFailure[];
  /** The host went on after every failure. */
  readonly contained: boolean;
}

export interface StageComparisons {
  readonly discovery: readonly DiscoveryRow[];
  readonly enabling: readonly EnablingRow[];
  readonly enforcement: readonly EnforcementRow[];
  readonly invocation: readonly InvocationRow[];
}
