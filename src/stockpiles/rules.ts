// The stockpile pillar's rules, pure functions of a State's ledger and the treaty engine. No I/O here.
export * from './ledger.js';
export * from './remaining.js';
export * from './article4.js';
export * from './found.js';
export * from './retained.js';
export * from './checks.js';
export * from './answers.js';
