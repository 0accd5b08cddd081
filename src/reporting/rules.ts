/** The reporting pillar's pure rules (README, "Rules"). No I/O here. */
export * from './answers.js';
export * from './article7.js';
export * from './checks.js';
export * from './deadlines.js';
