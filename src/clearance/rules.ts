// The clearance pillar's rules: pure functions of hazard-area records and dates. No I/O here.
export * from './land-release.js';
export * from './reconciliation.js';
export * from './forecast.js';
export * from './article5/work-plan.js';
export * from './article5/extension.js';
export * from './article5/completion.js';
export * from './consistency.js';
