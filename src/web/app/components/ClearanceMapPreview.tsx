import { useEffect, useMemo, useState } from 'react';
import { type Box, hazardAreaRows } from '../hazard-area-rows';
import { HAZARD_COLOUR, HAZARD_EDGE } from '../clearance-map';
import { previewGeometry } from '../clearance-preview';
import { useT } from '../i18n';
import { type CountryShapes, loadCountryShapes } from '../map/world-shapes';
import { SEA_COLOUR } from '../map/map-style';
import { OTHER_LAND_COLOUR } from '../status';
import { type RecordsCollection, loadClearanceRecords } from './clearance-preload';

interface Props {
  iso3: string;
  /** The date the map opens on. */
  asOf: string;
  /** [west, south, east, north] of the State's hazard areas, or null (its outline then). */
  bounds: Box | null;
}

/**
 * The clearance map's first view while MapLibre loads: the State's outline and a dot per open hazard
 * area, from the coarse country shapes and the records the table reads (both arrive long before the
 * map's code). It stands in the map's place and is gone once the map has drawn.
 */
export function ClearanceMapPreview({ iso3, asOf, bounds }: Props) {
  const t = useT();
  const [shapes, setShapes] = useState<CountryShapes | null>(null);
  const [records, setRecords] = useState<RecordsCollection | null>(null);
  useEffect(() => {
    let current = true;
    // A failed download leaves the outline or the dots out: the map and the table say so themselves.
    loadCountryShapes('110m').then(
      (loaded) => current && setShapes(loaded),
      () => undefined,
    );
    loadClearanceRecords(iso3).then(
      (loaded) => current && setRecords(loaded),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [iso3]);
  const geometry = useMemo(() => {
    const shape = shapes?.features.find((f) => f.properties.iso3 === iso3)?.geometry ?? null;
    const rows = records === null ? [] : hazardAreaRows(records.features, asOf);
    return shapes === null && records === null ? null : previewGeometry(bounds, shape, rows);
  }, [shapes, records, iso3, asOf, bounds]);
  return (
    <div className="clearance-map-preview" role="img" aria-label={t('web:clearanceMap.preview')}>
      {geometry === null ? null : (
        <svg viewBox={geometry.viewBox} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
          <rect x="-1e7" y="-1e7" width="2e7" height="2e7" fill={SEA_COLOUR} />
          {geometry.outline === '' ? null : (
            <path d={geometry.outline} fill={OTHER_LAND_COLOUR} stroke="#3D3D3D" strokeWidth={geometry.radius / 4} />
          )}
          {geometry.dots.map((dot, i) => (
            <circle
              key={i}
              cx={dot.x}
              cy={dot.y}
              r={geometry.radius}
              fill={HAZARD_COLOUR[dot.type]}
              stroke={HAZARD_EDGE[dot.type]}
              strokeWidth={geometry.radius / 5}
              fillOpacity={0.8}
            />
          ))}
        </svg>
      )}
      <p className="clearance-map-preview-note" role="status">
        {t('web:load.loading', { what: t('web:what.map') })}
      </p>
    </div>
  );
}
