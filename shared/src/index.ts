export * from './error-codes.ts';
export * from './models.ts';
export * from './event-map.ts';
export * from './visitor-events.ts';
export * from './agent-events.ts';
export * from './tickets.ts';
export * from './rest.ts';
export * from './zod-issues.ts';
