export * from './error-codes.ts';
export * from './models.ts';
export * from './agent-workflow.ts';
export * from './event-map.ts';
export * from './visitor-events.ts';
export * from './agent-events.ts';
export * from './rest.ts';
export * from './zod-issues.ts';
