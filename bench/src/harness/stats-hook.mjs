// Preloaded (`node --import`) into every server process the bench starts, Parley's and the
// baselines' alike: answers the runner's IPC `stats` request with this process's CPU time and
// memory, after a full GC when asked so that memory figures compare settled heaps, and records a
// V8 CPU profile of just the measured interval on request (PARLEY_BENCH_PROFILE_DIR). Plain JS:
// it runs before any TypeScript loader, and the server itself stays unmodified.
import fs from 'node:fs';
import { Session } from 'node:inspector';

let profiler;

process.on('message', (request) => {
  if (request && typeof request === 'object' && request.type === 'bench:profile') {
    if (request.action === 'start') {
      profiler = new Session();
      profiler.connect();
      profiler.post('Profiler.enable', () =>
        profiler.post('Profiler.start', () => process.send?.({ type: 'bench:profile', id: request.id })),
      );
    } else if (profiler) {
      const session = profiler;
      profiler = undefined;
      session.post('Profiler.stop', (error, result) => {
        if (!error) fs.writeFileSync(request.file, JSON.stringify(result.profile));
        session.disconnect();
        process.send?.({ type: 'bench:profile', id: request.id });
      });
    }
    return;
  }
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
// The runner is gone (crashed or killed): stop as on SIGTERM rather than linger.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
// The IPC channel must not keep a server alive that wants to exit, nor keep it from exiting on SIGTERM.
process.channel?.unref();
