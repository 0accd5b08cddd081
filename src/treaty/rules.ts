// The treaty's rules, pure functions of dated legal events (DESIGN.md §3). No I/O here.
export * from './entry-into-force.js';
export * from './withdrawal.js';
export * from './article4.js';
export * from './article5.js';
export * from './article7.js';
export * from './completion.js';
export * from './status.js';
