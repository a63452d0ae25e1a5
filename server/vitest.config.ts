import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real servers, real databases and a real browser: give them room, but never sleep in a test.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Node 24.19+ aborts when V8's memory reducer (an idle-time GC, run outside any JS context)
    // finalizes a better-sqlite3 12 Statement: node::ObjectWrap's destructor now needs a current
    // Environment (nodejs/node#65446; better-sqlite3 13 moved to Node-API but needs Node 22+).
    // Test servers leave many collectible statements behind, and slow password hashing leaves the
    // main thread idle: together they crashed test workers. Production images run Node 20.
    execArgv: ['--no-memory-reducer'],
    reporters: ['default'],
  },
});
