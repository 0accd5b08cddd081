// The transparency pillar's rules: pure functions of reported figures, sources and the treaty engine. No I/O here.
export * from './editions.js';
export * from './factsheet/build.js';
