/**
 * Writes the victims benchmark's synthetic casualty file (`tsx bench/victims-file.ts FILE N STATE DAY`),
 * in a process of its own so that its garbage is not the measured import's.
 */
import { writeFileSync } from 'node:fs';
import { parseDate } from '../src/core/date.js';
import type { StateCode } from '../src/core/states.js';
import { casualtiesCsv, demoCasualties } from '../src/victims/demo/demo.js';

const [file, count, state, day] = process.argv.slice(2);
if (file === undefined || count === undefined || state === undefined || day === undefined)
  throw new Error('usage: tsx bench/victims-file.ts FILE N STATE DAY');
writeFileSync(file, casualtiesCsv(demoCasualties(state as StateCode, Number(count), parseDate(day))));
