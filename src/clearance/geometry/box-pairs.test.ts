import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BBox } from '../model.js';
import { boxesIntersect } from './area.js';
import { meetingPairs, sweepPairs } from './box-pairs.js';

/** Every pair, by comparing each box with every other: the definition. */
function allPairs(boxes: readonly BBox[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (boxesIntersect(boxes[i] as BBox, boxes[j] as BBox)) pairs.push(`${i}-${j}`);
  return pairs;
}

/** The pairs a finder reports, checked to come as i < j, sorted. */
function found(find: typeof meetingPairs, boxes: readonly BBox[]): string[] {
  const pairs: string[] = [];
  find(boxes, (i, j) => {
    expect(i).toBeLessThan(j);
    pairs.push(`${i}-${j}`);
  });
  return pairs.sort();
}

const small = (x: number, y: number, size = 0.001): BBox => [x, y, x + size, y + size];

describe.each([
  ['meetingPairs', meetingPairs],
  ['sweepPairs', sweepPairs],
])('%s', (_, find) => {
  it.each<[string, BBox[], string[]]>([
    ['no boxes', [], []],
    ['one box', [small(1, 1)], []],
    ['two apart', [small(1, 1), small(2, 2)], []],
    ['apart by a hair east', [small(1, 1), small(1.0010001, 1)], []],
    ['apart by a hair north', [small(1, 1), small(1, 1.0010001)], []],
    ['touching along an edge', [small(1, 1), small(1.001, 1)], ['0-1']],
    ['touching at a corner', [small(1, 1), small(1.001, 1.001)], ['0-1']],
    ['the same box twice', [small(1, 1), small(1, 1)], ['0-1']],
    ['a point inside a box', [small(1, 1), [1.0005, 1.0005, 1.0005, 1.0005]], ['0-1']],
    ['points only, two at one place', [small(1, 1, 0), small(1, 1, 0), small(2, 2, 0)], ['0-1']],
    [
      'a box over the others (compared with every box) and small ones apart',
      [small(1, 1), [0, 0, 10, 10], small(5, 5), small(20, 20), [-5, -5, 30, 30]],
      ['0-1', '0-4', '1-2', '1-4', '2-4', '3-4'],
    ],
    [
      'a box across the world and one on its edge',
      [[-180, -90, 180, 90], small(180, 90, 0), small(3, 3)],
      ['0-1', '0-2'],
    ],
  ])('%s', (_, boxes, pairs) => {
    expect(found(find, boxes)).toEqual([...pairs].sort());
  });

  it('gives every pair of meeting boxes once, for clusters of small boxes and a few large ones', () => {
    const box = fc.oneof(
      {
        weight: 8,
        arbitrary: fc.tuple(
          fc.integer({ min: 0, max: 400 }),
          fc.integer({ min: 0, max: 400 }),
          fc.integer({ min: 0, max: 6 }),
          fc.integer({ min: 0, max: 6 }),
        ),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(
          fc.integer({ min: -50, max: 400 }),
          fc.integer({ min: -50, max: 400 }),
          fc.integer({ min: 0, max: 300 }),
          fc.integer({ min: 0, max: 300 }),
        ),
      },
    );
    fc.assert(
      fc.property(fc.array(box, { maxLength: 120 }), fc.double({ min: 1e-6, max: 10, noNaN: true }), (raw, scale) => {
        const boxes = raw.map(([x, y, w, h]): BBox => [x * scale, y * scale, (x + w) * scale, (y + h) * scale]);
        expect(found(find, boxes)).toEqual(allPairs(boxes).sort());
      }),
      { numRuns: 300 },
    );
  });
});

describe('meetingPairs with many large boxes', () => {
  it('gives the sweep’s pairs when more than 256 boxes span many cells', () => {
    const boxes: BBox[] = [
      ...Array.from({ length: 400 }, (_, i): BBox => small(i * 0.0005, i * 0.0005)),
      ...Array.from({ length: 300 }, (_, i): BBox => [i * 0.001, 0, i * 0.001 + 0.05, 0.05]),
    ];
    expect(found(meetingPairs, boxes)).toEqual(allPairs(boxes).sort());
  });
});
