// The victim assistance pillar's rules: records checked, aggregates suppressed, frameworks on a date. No I/O here.
export * from './records.js';
export * from './suppression.js';
export * from './aggregates.js';
export * from './frameworks.js';
export * from './series.js';
