/**
 * Every fast-check property runs from one fixed seed, so a property that catches a fault (or a
 * mutant, in `npm run mutate`) catches it on every run, never by chance. MINEFREE_FC_SEED picks
 * another seed to explore further; a failing property prints its seed and path to replay it.
 */
import fc from 'fast-check';

export const DEFAULT_SEED = 20_261_130;

export function propertySeed(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const text = env.MINEFREE_FC_SEED;
  if (text === undefined || text === '') return DEFAULT_SEED;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`MINEFREE_FC_SEED: expected a whole number, found "${text}"`);
  return seed;
}

fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: propertySeed() });
