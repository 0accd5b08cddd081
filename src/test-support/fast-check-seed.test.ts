import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, propertySeed } from './fast-check-seed.js';

describe('the fixed seed of the property tests', () => {
  it('is set for every property of the run (vitest setupFiles)', () => {
    expect(fc.readConfigureGlobal().seed).toBe(propertySeed());
  });

  it('makes a property draw the same values on every run', () => {
    const draw = (): number[] => fc.sample(fc.integer(), { numRuns: 5 });
    expect(draw()).toEqual(draw());
  });

  it.each([
    [{}, DEFAULT_SEED],
    [{ MINEFREE_FC_SEED: '' }, DEFAULT_SEED],
    [{ MINEFREE_FC_SEED: '42' }, 42],
    [{ MINEFREE_FC_SEED: '-7' }, -7],
  ])('reads the seed from %j', (env, seed) => {
    expect(propertySeed(env)).toBe(seed);
  });

  it.each(['abc', '1.5', '1e30'])('refuses MINEFREE_FC_SEED=%s with what it expected', (text) => {
    expect(() => propertySeed({ MINEFREE_FC_SEED: text })).toThrow(
      `MINEFREE_FC_SEED: expected a whole number, found "${text}"`,
    );
  });
});
