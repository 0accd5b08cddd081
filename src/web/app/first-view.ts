/**
 * The clearance map's first view as a map one can move: a view box in the preview's Web Mercator
 * SVG units (clearance-preview.ts), panned and zoomed by drag, wheel, buttons and keys, and turned
 * back into longitude and latitude so MapLibre opens where the person left it. Plain numbers in and out.
 */
import type { Box } from './hazard-area-rows';
import { SCALE, project } from './clearance-preview';

/** [x, y, width, height] in the preview's SVG units. */
export type View = [number, number, number, number];

/** How far in and out of the first frame one can zoom (times its width). */
const MOST_IN = 1 / 256;
const MOST_OUT = 4;

/** The `viewBox` attribute of a view. */
export const viewBoxOf = (view: View): string => view.map((n) => Math.round(n * 100) / 100).join(' ');

/** A `viewBox` attribute as a view. */
export function parseView(viewBox: string): View {
  const [x = 0, y = 0, w = 1, h = 1] = viewBox.split(' ').map(Number);
  return [x, y, w, h];
}

/**
 * `view` zoomed by `factor` (2: twice as close) about the point (`fx`, `fy`) given as shares of its
 * width and height (0.5, 0.5: its centre), which stays where it is; never beyond the limits around `first`.
 */
export function zoomView(view: View, factor: number, first: View, fx = 0.5, fy = 0.5): View {
  const [x, y, w, h] = view;
  const width = Math.min(first[2] * MOST_OUT, Math.max(first[2] * MOST_IN, w / factor));
  const scale = width / w;
  const height = h * scale;
  return [x + fx * w - fx * width, y + fy * h - fy * height, width, height];
}

/** `view` moved by (`dx`, `dy`) shares of its width and height (positive: east and south). */
export function panView(view: View, dx: number, dy: number): View {
  const [x, y, w, h] = view;
  return [x + dx * w, y + dy * h, w, h];
}

/** Longitude and latitude of a point in SVG units (the inverse of `project`). */
export function unproject(x: number, y: number): [number, number] {
  const lon = (x / SCALE) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / SCALE))) * 180) / Math.PI;
  return [lon, lat];
}

/** [west, south, east, north] of a view, for MapLibre's fitBounds. */
export function viewBounds(view: View): Box {
  const [west, north] = unproject(view[0], view[1]);
  const [east, south] = unproject(view[0] + view[2], view[1] + view[3]);
  return [west, south, east, north];
}

/** A view centred on the point at (`lon`, `lat`), as wide as `view`. */
export function centreOn(view: View, lon: number, lat: number): View {
  const [x, y] = project(lon, lat);
  return [x - view[2] / 2, y - view[3] / 2, view[2], view[3]];
}

/** `view` widened or heightened about its centre to the `aspect` (width / height) of the box it is drawn in. */
export function fitAspect(view: View, aspect: number): View {
  if (!(aspect > 0)) return view;
  const [x, y, w, h] = view;
  if (w / h < aspect) {
    const width = h * aspect;
    return [x - (width - w) / 2, y, width, h];
  }
  const height = w / aspect;
  return [x, y - (height - h) / 2, w, height];
}

/** Whether the point (`x`, `y`) lies in `view`. */
export const inView = (view: View, x: number, y: number): boolean =>
  x >= view[0] && x <= view[0] + view[2] && y >= view[1] && y <= view[1] + view[3];

/**
 * What the first view hands on, for one State: to its next copy (the one drawn while the map's code
 * loads is replaced by the map's own) and to MapLibre when it takes over (the view and the open area).
 */
export class FirstViewMemory<Area> {
  #view: View | null = null;
  #open: Area | null = null;
  constructor(readonly iso3: string) {}
  /** The view the person moved to, or null if they have not moved it. */
  view(): View | null {
    return this.#view;
  }
  /** The area whose details are open, or null. */
  open(): Area | null {
    return this.#open;
  }
  keepView(view: View): void {
    this.#view = view;
  }
  keepOpen(area: Area | null): void {
    this.#open = area;
  }
}
