// Preloaded into a server under test with `node --import`: answers 'memory?' over the IPC channel
// with process.memoryUsage(), so the heap can be read without adding code to the server itself.
process.on('message', (message) => {
  if (message === 'memory?') process.send?.({ memory: process.memoryUsage() });
});
// Listening refs the channel; unref it so the server still exits the way it normally would.
process.channel?.unref();
