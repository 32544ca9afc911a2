// Loaded with `node --import` into every measured server (the Node host and `next start`): answers
// the bench over the IPC channel. Under callgrind, os.freemem() and os.totalmem() are the markers
// the bench passes as --zero-before / --dump-before, so a window counts exactly what runs between.
import { freemem, totalmem } from 'node:os';
import { PerformanceObserver, constants } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';

// Collections V8 started by itself; the scavenge the bench forces between windows is not one.
let collections = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    const flags = /** @type {{ flags?: number }} */ (entry.detail)?.flags ?? 0;
    if ((flags & constants.NODE_PERFORMANCE_GC_FLAGS_FORCED) === 0) collections++;
  }
}).observe({ entryTypes: ['gc'] });

/** Bytes in the young generation: with no collection in between, its growth is what was allocated. */
function youngBytes() {
  let bytes = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name === 'new_space' || space.space_name === 'new_large_object_space') {
      bytes += space.space_used_size;
    }
  }
  return bytes;
}

let window = { young: 0, collections: 0 };

/** @param {unknown} message */
function answer(message) {
  const command =
    typeof message === 'object' && message !== null ? message.benchControl : undefined;
  if (command === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ benchControl: 'cpu', cpuMicros: user + system });
  } else if (command === 'window-start') {
    // A scavenge first (with --expose-gc), so the window starts with an empty young generation.
    if (typeof globalThis.gc === 'function') globalThis.gc({ type: 'minor' });
    // Observer callbacks for that scavenge arrive later: count from after they have run.
    setImmediate(() => {
      window = { young: youngBytes(), collections };
      freemem();
      process.send?.({ benchControl: 'window-start' });
    });
  } else if (command === 'window-end') {
    totalmem();
    const allocatedBytes = youngBytes() - window.young;
    // Let the observer report any collection that happened inside the window.
    setImmediate(() => {
      process.send?.({
        benchControl: 'window-end',
        allocatedBytes,
        collections: collections - window.collections,
      });
    });
  }
}

if (process.send) process.on('message', answer);
