// The clearance pillar's rules: pure functions of hazard-area records and dates. No I/O here.
export * from './land-release.js';
export * from './reconciliation.js';
export * from './forecast.js';
export * from './work-plan.js';
export * from './extension.js';
export * from './completion.js';
export * from './consistency.js';
