// Kept for src/server (app.ts, context.ts) until the server registers the clearance plugin: delete then.
export * from './serving/cache.js';
