import { context, SpanStatusCode, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import {
  convention,
  type DiscoverySource,
  ExtensionSet,
  type PluginSource,
} from '@plugin-patterns/loader';
import { traced } from '@plugin-patterns/loader/tracing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Instrumentation, instrument } from './instrument.ts';

const source: PluginSource = {
  kind: 'package',
  packageName: 'meter-plugins',
  version: '1.2.3',
  root: '/plugins/meter-plugins',
  via: 'package-scan',
};
const cpu = { namespace: 'meter.pollster', name: 'cpu', source };

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const tracer = provider.getTracer('test');
const contextManager = new AsyncLocalStorageContextManager();
let instrumentation: Instrumentation | undefined;

beforeAll(() => {
  context.setGlobalContextManager(contextManager.enable());
});
afterAll(() => {
  context.disable();
});
afterEach(() => {
  instrumentation?.stop();
  exporter.reset();
});

describe('instrument: plugin calls', () => {
  it('makes one span per call, named and described, never with the values', () => {
    instrumentation = instrument({ tracer });
    const step = traced('iterator', cpu, (_plugin: unknown, text: string) => text.length);
    step({}, 'hunter2');
    step({}, 'hunter22');
    const spans = exporter.getFinishedSpans();
    expect(spans.map((s) => s.name)).toEqual([
      'iterator call meter.pollster/cpu',
      'iterator call meter.pollster/cpu',
    ]);
    expect(spans[0]?.attributes).toEqual({
      'plugin_patterns.namespace': 'meter.pollster',
      'plugin_patterns.plugin': 'cpu',
      'plugin_patterns.source.kind': 'package',
      'plugin_patterns.source.package': 'meter-plugins@1.2.3',
      'plugin_patterns.pattern': 'iterator',
      'plugin_patterns.args': ['string(7)'],
      'plugin_patterns.async': false,
    });
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain('hunter2');
    expect(spans[0]?.status.code).toBe(SpanStatusCode.UNSET);
  });

  it('ends a promised call’s span when it settles, with an error status for a rejection', async () => {
    instrumentation = instrument({ tracer });
    const answer = traced('dispatch', cpu, () => Promise.reject(new TypeError('disk full')))(
      undefined,
    );
    expect(exporter.getFinishedSpans()).toHaveLength(0);
    await expect(answer).rejects.toThrow('disk full');
    const [span] = exporter.getFinishedSpans();
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'disk full' });
    expect(span?.attributes['plugin_patterns.async']).toBe(true);
    expect(span?.events.map((e) => [e.name, e.attributes?.['exception.type']])).toEqual([
      ['exception', 'TypeError'],
    ]);
  });

  it('records an error whose message cannot be read, without breaking the call', () => {
    instrumentation = instrument({ tracer });
    const hostile = Object.defineProperty(new Error(), 'message', {
      get() {
        throw new Error('gotcha');
      },
    });
    let caught: unknown;
    try {
      traced('driver', cpu, () => {
        throw hostile;
      })(undefined);
    } catch (thrown) {
      caught = thrown;
    }
    expect(caught).toBe(hostile);
    const [span] = exporter.getFinishedSpans();
    expect(span?.status.code).toBe(SpanStatusCode.ERROR);
    expect(span?.status.message).toBe('(the error could not be read)');
  });

  it('makes a call’s span a child of the span active when it started', () => {
    instrumentation = instrument({ tracer });
    tracer.startActiveSpan('poll cycle', (parent) => {
      traced('iterator', cpu, () => 1)(undefined);
      parent.end();
    });
    const [call, cycle] = exporter.getFinishedSpans();
    expect(cycle?.name).toBe('poll cycle');
    expect(call?.parentSpanContext?.spanId).toBe(cycle?.spanContext().spanId);
    expect(call?.spanContext().traceId).toBe(cycle?.spanContext().traceId);
  });

  it('uses the global provider’s tracer when given none, and stops when asked', () => {
    trace.setGlobalTracerProvider(provider);
    try {
      instrumentation = instrument();
      traced('iterator', cpu, () => 1)(undefined);
      instrumentation.stop();
      traced('iterator', cpu, () => 1)(undefined);
      const spans = exporter.getFinishedSpans();
      expect(spans).toHaveLength(1);
      expect(spans[0]?.instrumentationScope.name).toBe('@plugin-patterns/opentelemetry');
    } finally {
      trace.disable();
    }
  });
});

describe('instrument: loading stages', () => {
  it('makes one span per stage, the failing one with an error status', async () => {
    instrumentation = instrument({ tracer });
    const found: DiscoverySource = {
      kind: 'memory-list',
      discover: () => ({
        entryPoints: ['cpu', 'mute'].map((name) => ({
          namespace: 'meter.pollster',
          name,
          reference: `./${name}.js:default`,
          source,
          target: { url: `memory:${name}`, exportName: 'default' },
        })),
        problems: [],
      }),
    };
    const exported: Record<string, unknown> = {
      'memory:cpu': { poll: () => 1 },
      'memory:mute': {},
    };
    const set = ExtensionSet.discover<{ poll(): number }>({
      namespace: 'meter.pollster',
      sources: [found],
      importer: async (target) => exported[target.url],
      contract: convention<{ poll(): number }>({ name: 'Pollster', members: { poll: 'function' } }),
    });
    await set.loadAll();
    const spans = exporter.getFinishedSpans();
    const named = (name: string) => spans.find((span) => span.name === name);
    expect(spans.map((span) => span.name).sort()).toEqual([
      'discovery meter.pollster',
      'enforcement meter.pollster/cpu',
      'enforcement meter.pollster/mute',
      'import meter.pollster/cpu',
      'import meter.pollster/mute',
    ]);
    expect(named('discovery meter.pollster')?.attributes).toMatchObject({
      'plugin_patterns.stage': 'discovery',
      'plugin_patterns.by': 'memory-list',
      'plugin_patterns.found': 2,
    });
    expect(named('enforcement meter.pollster/cpu')?.status.code).toBe(SpanStatusCode.UNSET);
    const refused = named('enforcement meter.pollster/mute');
    expect(refused?.status.code).toBe(SpanStatusCode.ERROR);
    expect(refused?.events[0]?.attributes?.['exception.type']).toBe('ContractViolationError');
  });
});
