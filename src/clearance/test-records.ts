// Record builders for the clearance tests: sizes are given, not computed, so sums stay hand-checkable.
import { parseDate } from '../core/date.js';
import type { Activity, AreaRevision, DevicesDestroyed, HazardArea, LandRelease, ReleaseKind } from './model.js';

const SQUARE = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [104, 12],
      [104.01, 12],
      [104.01, 12.01],
      [104, 12.01],
      [104, 12],
    ],
  ],
};

export function hazardArea(
  id: string,
  informationDate: string,
  areaM2: number,
  extra: Partial<HazardArea> = {},
): HazardArea {
  return {
    id,
    iso3: 'KHM',
    localRef: id,
    name: `Area ${id}`,
    type: 'CHA',
    devices: [],
    status: 'open',
    statusDate: null,
    geometry: SQUARE,
    areaM2,
    bbox: [104, 12, 104.01, 12.01],
    informationDate: parseDate(informationDate),
    organisation: 'CMAC',
    sourceId: null,
    synthetic: true,
    previouslyUnknown: false,
    ...extra,
  };
}

export function release(
  id: string,
  hazardAreaId: string,
  date: string,
  areaM2: number,
  kind: ReleaseKind = 'cleared',
): LandRelease {
  return { id, hazardAreaId, activityId: `act-${hazardAreaId}`, kind, geometry: SQUARE, areaM2, date: parseDate(date) };
}

export function revision(hazardAreaId: string, date: string, beforeM2: number, afterM2: number): AreaRevision {
  return { hazardAreaId, date: parseDate(date), beforeM2, afterM2 };
}

export function activity(hazardAreaId: string, start = '2000-01-01'): Activity {
  return {
    id: `act-${hazardAreaId}`,
    hazardAreaId,
    kind: 'clearance',
    organisation: 'CMAC',
    start: parseDate(start),
    end: null,
  };
}

export function devices(
  activityId: string,
  date: string,
  category: DevicesDestroyed['category'],
  count: number,
): DevicesDestroyed {
  return { activityId, category, model: null, count, date: parseDate(date) };
}

/** A polygon that crosses itself: the checks refuse it. */
export const BOW_TIE = {
  type: 'Polygon',
  coordinates: [
    [
      [104, 12],
      [104.01, 12.01],
      [104.01, 12],
      [104, 12.01],
      [104, 12],
    ],
  ],
};
