// Helpers of the tile tests: a square area and the tile holding a point.
import type { Polygon } from 'geojson';

export const square = (west: number, south: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [west, south],
      [west + size, south],
      [west + size, south + size],
      [west, south + size],
      [west, south],
    ],
  ],
});

/** Tile at zoom z holding the point (lon, lat); longitude 180 falls in the last column. */
export function tileAt(z: number, lon: number, lat: number): [number, number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [
    z,
    Math.min(n - 1, Math.floor(((lon + 180) / 360) * n)),
    Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  ];
}
