import {
  type KeyboardEvent,
  type PointerEvent,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { type Box, type HazardAreaRow, hazardAreaRows } from '../hazard-area-rows';
import { HAZARD_COLOUR, HAZARD_EDGE, HAZARD_LAYER, featureWords } from '../clearance-map';
import { previewGeometry } from '../clearance-preview';
import {
  type FirstViewMemory,
  type View,
  centreOn,
  fitAspect,
  inView,
  panView,
  parseView,
  viewBoxOf,
  zoomView,
} from '../first-view';
import { useT } from '../i18n';
import { SEA_COLOUR } from '../map/map-style';
import { OTHER_LAND_COLOUR } from '../status';
import { type RecordsCollection, type StateOutline, clearanceRecords, stateOutline } from './clearance-preload';

/** The first view's memory of its view and open area (first-view.ts). */
export type AreaMemory = FirstViewMemory<HazardAreaRow>;

interface Props {
  iso3: string;
  /** The date the map opens on. */
  asOf: string;
  /** [west, south, east, north] of the State's hazard areas, or null (its outline then). */
  bounds: Box | null;
  memory: AreaMemory;
}

/** Dot radius on screen, in CSS pixels. */
const DOT_PX = 6;
/** A drag starts once the pointer has moved this far (less is a click). */
const DRAG_PX = 4;

const centre = (row: HazardAreaRow): [number, number] =>
  row.box === null ? [0, 0] : [(row.box[0] + row.box[2]) / 2, (row.box[1] + row.box[3]) / 2];

/**
 * The clearance map's first view while MapLibre loads, and already a map: the State's outline and a
 * dot per open hazard area (from GET …/clearance/outline and the records the table reads, both
 * small and preloaded, long before MapLibre's code), moved by drag, wheel, buttons or arrow keys, each area a
 * button (Tab, then the arrow keys from one to the next) that shows what is recorded about it. It
 * stands in the map's place and hands its view and open area to MapLibre once the map has drawn.
 */
export function ClearanceMapPreview({ iso3, asOf, bounds, memory }: Props) {
  const t = useT();
  const helpId = useId();
  const detailsId = useId();
  // What has arrived already draws in the first render (on a slow phone each render counts).
  const [outline, setOutline] = useState<StateOutline | null>(() => stateOutline.arrived(iso3));
  const [records, setRecords] = useState<RecordsCollection | null>(() => clearanceRecords.arrived(iso3));
  useEffect(() => {
    let current = true;
    // A failed download leaves the outline or the dots out: the map and the table say so themselves.
    stateOutline.load(iso3).then(
      (loaded) => current && setOutline(loaded),
      () => undefined,
    );
    clearanceRecords.load(iso3).then(
      (loaded) => current && setRecords(loaded),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [iso3]);
  const rows = useMemo(
    () =>
      records === null
        ? []
        : hazardAreaRows(records.features, asOf).sort((a, b) => a.reference.localeCompare(b.reference)),
    [records, asOf],
  );
  const geometry = useMemo(
    () => (outline === null && records === null ? null : previewGeometry(bounds, outline?.geometry ?? null, rows)),
    [outline, records, rows, bounds],
  );

  const svg = useRef<SVGSVGElement>(null);
  const dotRefs = useRef<(SVGCircleElement | null)[]>([]);
  // Null until the drawing has been measured: the dots' size depends on it, so they are drawn once, after.
  const [size, setSize] = useState<[number, number] | null>(null);
  const aspect = size === null ? 1 : size[0] / size[1];
  const [moved, setMoved] = useState<View | null>(() => memory.view());
  const [open, setOpenRow] = useState<HazardAreaRow | null>(() => memory.open());
  const [active, setActive] = useState(0);
  const drag = useRef<{ id: number; x: number; y: number; view: View; dragging: boolean } | null>(null);

  const first = useMemo(
    () => (geometry === null ? null : fitAspect(parseView(geometry.viewBox), aspect)),
    [geometry, aspect],
  );
  const view = first === null ? null : fitAspect(moved ?? first, aspect);

  const setView = useCallback(
    (next: View) => {
      memory.keepView(next);
      setMoved(next);
    },
    [memory],
  );
  const setOpen = useCallback(
    (row: HazardAreaRow | null) => {
      memory.keepOpen(row);
      setOpenRow(row);
    },
    [memory],
  );

  // The view keeps the drawn box's shape, so a pixel is as wide as it is tall and the pointer maths hold.
  const drawn = geometry !== null;
  useLayoutEffect(() => {
    const element = svg.current;
    if (!element) return;
    const measure = () => {
      const { width, height } = element.getBoundingClientRect();
      if (width > 0 && height > 0) setSize([width, height]);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [drawn]);

  // The wheel zooms about the pointer; a listener React would make passive could not keep the page still.
  const viewRef = useRef(view);
  useEffect(() => {
    viewRef.current = view;
  });
  useEffect(() => {
    const element = svg.current;
    if (!element || first === null) return;
    const onWheel = (event: WheelEvent) => {
      const current = viewRef.current;
      if (current === null) return;
      event.preventDefault();
      const rect = element.getBoundingClientRect();
      const fx = (event.clientX - rect.left) / rect.width;
      const fy = (event.clientY - rect.top) / rect.height;
      setView(zoomView(current, Math.exp(-event.deltaY / 300), first, fx, fy));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [first, setView]);

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (view === null || event.button !== 0) return;
    drag.current = { id: event.pointerId, x: event.clientX, y: event.clientY, view, dragging: false };
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const start = drag.current;
    const element = svg.current;
    if (start === null || element === null || start.id !== event.pointerId) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (!start.dragging) {
      if (Math.hypot(dx, dy) < DRAG_PX) return;
      // Captured only once it is a drag: a click on a dot still reaches the dot.
      start.dragging = true;
      element.setPointerCapture(event.pointerId);
    }
    const rect = element.getBoundingClientRect();
    setView(panView(start.view, -dx / rect.width, -dy / rect.height));
  };
  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    if (drag.current?.id !== event.pointerId) return;
    if (drag.current.dragging) svg.current?.releasePointerCapture(event.pointerId);
    // The click that ends a drag opens nothing.
    const dragged = drag.current.dragging;
    setTimeout(() => {
      if (drag.current?.id === event.pointerId && dragged) drag.current = null;
    });
    if (!dragged) drag.current = null;
  };

  const zoomBy = (factor: number) => {
    if (view !== null && first !== null) setView(zoomView(view, factor, first));
  };

  const onMapKey = (event: KeyboardEvent<SVGSVGElement>) => {
    if (view === null) return;
    const step: Record<string, [number, number]> = {
      ArrowLeft: [-0.2, 0],
      ArrowRight: [0.2, 0],
      ArrowUp: [0, -0.2],
      ArrowDown: [0, 0.2],
    };
    const move = step[event.key];
    if (move !== undefined) setView(panView(view, move[0], move[1]));
    else if (event.key === '+' || event.key === '=') zoomBy(2);
    else if (event.key === '-' || event.key === '_') zoomBy(0.5);
    else return;
    event.preventDefault();
  };

  const measured = size !== null;
  const dots = useMemo(() => (measured ? (geometry?.dots ?? []) : []), [geometry, measured]);
  // Each area's name, written once per list and language, not at each render of 200 buttons.
  const labels = useMemo(
    () =>
      dots.map((dot) =>
        t('web:clearanceMap.areaButton', {
          reference: rows[dot.index]?.reference ?? '',
          type: t(dot.type === 'CHA' ? 'web:clearanceMap.cha' : 'web:clearanceMap.sha'),
        }),
      ),
    [dots, rows, t],
  );
  const roving = Math.min(active, Math.max(0, dots.length - 1));
  /** Focuses the dot at `at` (in the dots' order), bringing it into view. */
  const focusDot = (at: number) => {
    const dot = dots[at];
    if (dot === undefined) return;
    setActive(at);
    if (view !== null && !inView(view, dot.x, dot.y)) {
      const row = rows[dot.index];
      if (row) setView(centreOn(view, ...centre(row)));
    }
    dotRefs.current[at]?.focus();
  };
  const onDotKey = (event: KeyboardEvent<SVGCircleElement>, at: number) => {
    const row = rows[dots[at]?.index ?? -1];
    if (event.key === 'Enter' || event.key === ' ') setOpen(row ?? null);
    else if (event.key === 'ArrowRight' || event.key === 'ArrowDown') focusDot((at + 1) % dots.length);
    else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') focusDot((at - 1 + dots.length) % dots.length);
    else if (event.key === 'Home') focusDot(0);
    else if (event.key === 'End') focusDot(dots.length - 1);
    else if (event.key === 'Escape') setOpen(null);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  /** SVG units per CSS pixel. */
  const px = view === null || size === null ? 0 : view[2] / size[0];
  const words = open === null ? null : featureWords(HAZARD_LAYER, open.properties, asOf);
  // Its areas drawn at their size: what can be opened is on screen.
  const usable = geometry !== null && records !== null && measured;

  return (
    <div
      className="clearance-map-preview"
      role="group"
      aria-label={t('web:clearanceMap.preview')}
      data-usable={usable ? 'true' : 'false'}
    >
      <p id={helpId} className="visually-hidden">
        {t('web:clearanceMap.firstViewHelp')}
      </p>
      {geometry === null || view === null ? null : (
        <svg
          ref={svg}
          viewBox={viewBoxOf(view)}
          preserveAspectRatio="xMidYMid meet"
          tabIndex={0}
          role="group"
          aria-label={t('web:clearanceMap.preview')}
          aria-describedby={helpId}
          onKeyDown={onMapKey}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <rect x="-1e7" y="-1e7" width="2e7" height="2e7" fill={SEA_COLOUR} />
          {geometry.outline === '' ? null : (
            <path
              d={geometry.outline}
              fill={OTHER_LAND_COLOUR}
              stroke="#3D3D3D"
              strokeWidth={1}
              vectorEffect="non-scaling-stroke"
            />
          )}
          {dots.map((dot, at) => {
            const row = rows[dot.index];
            if (row === undefined) return null;
            const selected = open?.id === row.id;
            return (
              <circle
                key={row.id}
                ref={(element) => {
                  dotRefs.current[at] = element;
                }}
                cx={dot.x}
                cy={dot.y}
                r={DOT_PX * px}
                fill={HAZARD_COLOUR[dot.type]}
                stroke={selected ? '#000000' : HAZARD_EDGE[dot.type]}
                strokeWidth={selected ? 3 : 1.2}
                vectorEffect="non-scaling-stroke"
                fillOpacity={0.8}
                tabIndex={at === roving ? 0 : -1}
                role="button"
                aria-label={labels[at]}
                aria-expanded={selected}
                aria-controls={selected ? detailsId : undefined}
                className="first-view-area"
                onClick={() => {
                  if (drag.current?.dragging) return;
                  setActive(at);
                  setOpen(row);
                }}
                onKeyDown={(event) => onDotKey(event, at)}
              />
            );
          })}
        </svg>
      )}
      {geometry === null ? null : (
        <div className="first-view-zoom">
          <button type="button" onClick={() => zoomBy(2)} aria-label={t('web:clearanceMap.zoomInButton')}>
            +
          </button>
          <button type="button" onClick={() => zoomBy(0.5)} aria-label={t('web:clearanceMap.zoomOutButton')}>
            −
          </button>
        </div>
      )}
      {words === null ? null : (
        <section
          id={detailsId}
          className="first-view-details"
          aria-label={words.title}
          data-testid="first-view-details"
        >
          <strong>{words.title}</strong>
          <dl className="clearance-popup-list">
            {words.rows.map(([term, detail]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd>{detail}</dd>
              </div>
            ))}
          </dl>
          <button type="button" className="first-view-close" onClick={() => setOpen(null)}>
            {t('web:clearanceMap.closeDetails')}
          </button>
        </section>
      )}
      <p className="clearance-map-preview-note" role="status">
        {t('web:clearanceMap.fullMapLoading')}
      </p>
    </div>
  );
}
