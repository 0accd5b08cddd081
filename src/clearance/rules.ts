// The clearance pillar's rules: pure functions of hazard-area records and dates. No I/O here.
export * from './land-release.js';
export * from './reconciliation.js';
export * from './forecast.js';
export * from './ledger.js';
export * from './summary.js';
export * from './consistency.js';
export * from './geometry/geometry.js';
export * from './article5/work-plan.js';
export * from './article5/extension.js';
export * from './article5/completion.js';
