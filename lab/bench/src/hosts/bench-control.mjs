// Loaded with `node --import` into every measured server (the Node host and `next start`): answers
// the bench over the IPC channel. Under callgrind, os.freemem() and os.totalmem() are the markers
// the bench passes as --zero-before / --dump-before, so a window counts exactly what runs between.
import { freemem, totalmem } from 'node:os';
import { GCProfiler, getHeapSpaceStatistics } from 'node:v8';

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

// Started after the forced scavenge and stopped at the end marker, so it lists exactly the
// collections V8 ran inside the window.
let profiler = new GCProfiler();
let young = 0;

/** @param {unknown} message */
function answer(message) {
  const command =
    typeof message === 'object' && message !== null ? message.benchControl : undefined;
  if (command === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send?.({ benchControl: 'cpu', cpuMicros: user + system });
  } else if (command === 'collect') {
    // A full collection (with --expose-gc): the old generation's limit is set from what is alive.
    if (typeof globalThis.gc === 'function') globalThis.gc();
    process.send?.({ benchControl: 'collect' });
  } else if (command === 'window-start') {
    // A scavenge first, so the window starts with an empty young generation.
    if (typeof globalThis.gc === 'function') globalThis.gc({ type: 'minor' });
    profiler = new GCProfiler();
    profiler.start();
    young = youngBytes();
    freemem();
    process.send?.({ benchControl: 'window-start' });
  } else if (command === 'window-end') {
    totalmem();
    const allocatedBytes = youngBytes() - young;
    const statistics = profiler.stop()?.statistics ?? [];
    const collectionTypes = statistics.map((entry) => entry.gcType);
    process.send?.({
      benchControl: 'window-end',
      allocatedBytes,
      collections: statistics.length,
      collectionTypes,
    });
  }
}

if (process.send) process.on('message', answer);
