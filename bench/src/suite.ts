/**
 * Every benchmark of `pnpm bench`, in the order they run and are reported:
 * invocation first (small, in-memory), then discovery (which writes and reads
 * the synthetic installs), then the child-process ones, the bus (RabbitMQ
 * and PostgreSQL, agents as processes), and last the startup of whole
 * processes that run the built packages.
 */

import type { Benchmark } from './benchmark.ts';
import { asyncInvocation } from './benchmarks/async-invocation.ts';
import { busDispatch } from './benchmarks/bus-dispatch.ts';
import { busThroughput } from './benchmarks/bus-throughput.ts';
import { coldDiscovery } from './benchmarks/cold-discovery.ts';
import { discoveryMemory } from './benchmarks/discovery-memory.ts';
import { dispatchByName } from './benchmarks/dispatch-by-name.ts';
import { driverCall } from './benchmarks/driver-call.ts';
import { isolationCall } from './benchmarks/isolation-call.ts';
import { isolationMemory } from './benchmarks/isolation-memory.ts';
import { isolationStartup } from './benchmarks/isolation-startup.ts';
import { iteratorMap } from './benchmarks/iterator-map.ts';
import { lazyImport } from './benchmarks/lazy-import.ts';
import { startup } from './benchmarks/startup.ts';
import { tracingOff } from './benchmarks/tracing-off.ts';
import { warmDiscovery } from './benchmarks/warm-discovery.ts';

export const BENCHMARKS: readonly Benchmark[] = [
  iteratorMap,
  tracingOff,
  dispatchByName,
  driverCall,
  asyncInvocation,
  isolationCall,
  isolationStartup,
  isolationMemory,
  coldDiscovery,
  warmDiscovery,
  lazyImport,
  discoveryMemory,
  busDispatch,
  busThroughput,
  startup,
];
