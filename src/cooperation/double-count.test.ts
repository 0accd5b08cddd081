import { describe, expect, it } from 'vitest';
import { doubleCounts } from './double-count.js';
import { UNMAS, flow } from './test-flows.js';

describe('doubleCounts', () => {
  const viaUnmas = flow({ usd: 1_000_000, channel: 'un', via: 'UNMAS' });
  it.each([
    [
      'the channel reports the same money',
      [viaUnmas, flow({ donor: UNMAS, usd: 995_000 })],
      [{ donorFlow: 0, channelFlow: 1 }],
    ],
    [
      'in either order, any case of the id',
      [flow({ donor: UNMAS }), { ...viaUnmas, via: 'unmas' }],
      [{ donorFlow: 1, channelFlow: 0 }],
    ],
    ['amounts more than 1 % apart', [viaUnmas, flow({ donor: UNMAS, usd: 980_000 })], []],
    ['another recipient', [viaUnmas, flow({ donor: UNMAS, recipient: 'AFG' })], []],
    ['another sector', [viaUnmas, flow({ donor: UNMAS, sector: 'victim-assistance' })], []],
    ['another year', [viaUnmas, flow({ donor: UNMAS, year: 2016 })], []],
    ['a commitment against a disbursement', [viaUnmas, flow({ donor: UNMAS, type: 'commitment' })], []],
    ['no channel named', [flow(), flow({ donor: UNMAS })], []],
    [
      'one channel flow pairs once',
      [viaUnmas, { ...viaUnmas }, flow({ donor: UNMAS })],
      [{ donorFlow: 0, channelFlow: 2 }],
    ],
  ])('%s', (_, flows, expected) => {
    expect(doubleCounts(flows)).toEqual(expected);
  });
});
