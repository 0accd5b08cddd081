// Kept for src/server/app.ts until the server registers the clearance plugin: delete then.
export * from './article5/article5-routes.js';
