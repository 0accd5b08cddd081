// The cooperation pillar's rules, pure functions of funding flows. No I/O here.
export * from './totals.js';
export * from './double-count.js';
export * from './checks.js';
export * from './reported.js';
export * from './needs.js';
