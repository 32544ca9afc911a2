// Preloaded into a server under test with `node --import`: answers 'memory?' over the IPC channel
// with process.memoryUsage(), so the heap can be read without adding code to the server itself.
process.on('message', (message) => {
  // 'gc+memory?' first collects garbage (needs --expose-gc) so the heap shows what is retained.
  if (message === 'gc+memory?') globalThis.gc?.();
  if (message === 'memory?' || message === 'gc+memory?') {
    process.send?.({ memory: process.memoryUsage() });
  }
});
// Listening refs the channel; unref it so the server still exits the way it normally would.
process.channel?.unref();
