import type { TextMeasure } from './textMeasure.js';

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A rectangle in pixels, y down. */
export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A label to place: its text, and where its centre may go, best first (given its size). */
export interface LabelRequest<T> {
  readonly text: string;
  readonly fontSize: number;
  readonly datum: T;
  readonly candidates: (size: Size) => readonly Point[];
}

/** What a label must keep clear of, in the plot's pixels. */
export interface LabelScene {
  /** Labels stay inside it. */
  readonly frame: Box;
  /** Lines of the chart (each a polyline): no label may cross one. */
  readonly lines: readonly (readonly Point[])[];
  /** Markers and fixed text: no label may cover one. */
  readonly marks: readonly Box[];
  /** Areas a label avoids when it can (bars: text on a bar is readable, but better beside it). */
  readonly avoid: readonly Box[];
}

export interface PlacedLabel<T> {
  readonly datum: T;
  readonly text: string;
  /** The centre of the label (draw it with align center, baseline middle). */
  readonly x: number;
  readonly y: number;
  readonly box: Box;
  /** Whether the place is clear of every line, mark and other label (else the least bad was taken). */
  readonly clear: boolean;
}

/** Space kept between a label and what it must not touch. */
const margin = 1.5;

/**
 * Centres for a label beside a point marker, best first: above it (centred,
 * then slid left or right so a line leaving the point on one side misses
 * it), below it likewise, on the four diagonals, on either side, and then
 * the same a little farther off. `gap` is the space between marker centre
 * and label edge.
 */
export const besidePoint =
  (anchor: Point, gap: number) =>
  (size: Size): Point[] => {
    const slides = [0, -0.35, 0.35, -0.5, 0.5].map((share) => share * size.width);
    const spots = (g: number): Point[] => {
      const up = anchor.y - g - size.height / 2;
      const down = anchor.y + g + size.height / 2;
      const left = anchor.x - g - size.width / 2;
      const right = anchor.x + g + size.width / 2;
      return [
        ...slides.map((dx) => ({ x: anchor.x + dx, y: up })),
        ...slides.map((dx) => ({ x: anchor.x + dx, y: down })),
        { x: left, y: up },
        { x: right, y: up },
        { x: right, y: down },
        { x: left, y: down },
        { x: left, y: anchor.y },
        { x: right, y: anchor.y },
      ];
    };
    return [...spots(gap), ...spots(gap * 2.5)];
  };

/** The square a point marker of `radius` covers. */
export const markerBox = (p: Point, radius: number): Box => ({ x1: p.x - radius, y1: p.y - radius, x2: p.x + radius, y2: p.y + radius });

const overlaps = (a: Box, b: Box): boolean => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
const inside = (a: Box, frame: Box): boolean => a.x1 >= frame.x1 && a.x2 <= frame.x2 && a.y1 >= frame.y1 && a.y2 <= frame.y2;

/** Whether the segment p→q passes through the box (Liang–Barsky clipping). */
function crosses(p: Point, q: Point, box: Box): boolean {
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, p.x - box.x1],
    [dx, box.x2 - p.x],
    [-dy, p.y - box.y1],
    [dy, box.y2 - p.y],
  ];
  for (const [step, room] of edges) {
    if (step === 0) {
      if (room < 0) return false;
      continue;
    }
    const t = room / step;
    if (step < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

const crossesLine = (line: readonly Point[], box: Box): boolean =>
  line.some((p, i) => {
    const next = line[i + 1];
    return next === undefined ? line.length === 1 && crosses(p, p, box) : crosses(p, next, box);
  });

/**
 * Places labels one by one, each at its first candidate that is clear of the
 * scene's lines and marks, of the labels placed before it and of the areas
 * to avoid; failing that, the first clear of everything but those areas; and
 * failing that, the one with the fewest clashes. Vega-Lite has no label
 * placement of its own for text marks, and its fixed offsets put a plan
 * line's figures on the other line's markers.
 */
export function placeLabels<T>(requests: readonly LabelRequest<T>[], scene: LabelScene, measure: TextMeasure): PlacedLabel<T>[] {
  const placed: PlacedLabel<T>[] = [];
  for (const request of requests) {
    const size = { width: measure(request.text, request.fontSize), height: request.fontSize };
    let best: { centre: Point; box: Box; clashes: number; avoided: boolean } | undefined;
    for (const centre of request.candidates(size)) {
      const box = { x1: centre.x - size.width / 2, y1: centre.y - size.height / 2, x2: centre.x + size.width / 2, y2: centre.y + size.height / 2 };
      const padded = { x1: box.x1 - margin, y1: box.y1 - margin, x2: box.x2 + margin, y2: box.y2 + margin };
      const clashes =
        (inside(box, scene.frame) ? 0 : 1) +
        scene.lines.filter((line) => crossesLine(line, padded)).length +
        scene.marks.filter((mark) => overlaps(mark, padded)).length +
        placed.filter((other) => overlaps(other.box, padded)).length;
      const avoided = !scene.avoid.some((area) => overlaps(area, box));
      const better = best === undefined || clashes < best.clashes || (clashes === best.clashes && avoided && !best.avoided);
      if (better) best = { centre, box, clashes, avoided };
      if (clashes === 0 && avoided) break;
    }
    if (best !== undefined) placed.push({ datum: request.datum, text: request.text, x: best.centre.x, y: best.centre.y, box: best.box, clear: best.clashes === 0 });
  }
  return placed;
}
