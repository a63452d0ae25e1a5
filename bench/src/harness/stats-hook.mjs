// Preloaded (`node --import`) into every server process the bench starts, Parley's and the
// baselines' alike: answers the runner's IPC `stats` request with this process's CPU time and
// memory, after a full GC when asked so that memory figures compare settled heaps. Plain JS: it
// runs before any TypeScript loader, and the server itself stays unmodified.
process.on('message', (request) => {
  if (!request || typeof request !== 'object' || request.type !== 'bench:stats') return;
  if (request.gc && typeof globalThis.gc === 'function') {
    globalThis.gc();
    globalThis.gc();
  }
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  process.send?.({
    type: 'bench:stats',
    id: request.id,
    cpuMicros: cpu.user + cpu.system,
    rss: memory.rss,
    heapUsed: memory.heapUsed,
  });
});
// The IPC channel must not keep a server alive that wants to exit, nor keep it from exiting on SIGTERM.
process.channel?.unref();
