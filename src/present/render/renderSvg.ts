import type { LoggerInterface } from 'vega';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';
import type { TextItem, TextLine } from './textMetrics.js';
import { vegaTextWidth } from './textMetrics.js';

/** vega-scenegraph's measuring hook; vega's typings leave it out. */
const vegaTextMetrics = (vega as unknown as { textMetrics: { width: (item: TextItem, text?: TextLine) => number } }).textMetrics;
const vegaGuess = vegaTextMetrics.width;
// Measures with the chart font once useChartTextMetrics has been called, whenever that is; Vega's own guess before.
vegaTextMetrics.width = (item, text) => (vegaTextWidth() ?? vegaGuess)(item, text);

export interface RenderedSvg {
  readonly svg: string;
  /** What Vega-Lite or Vega warned about (a dropped field, an unsupported option); empty for a clean chart. */
  readonly warnings: readonly string[];
}

/** A logger that keeps messages instead of printing them: the library never prints anything. */
function collectingLogger(warnings: string[]): LoggerInterface {
  let level = vega.Warn;
  const logger: LoggerInterface = {
    level: (value?: number) => {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error: (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    warn: (...args: unknown[]) => {
      if (level >= vega.Warn) warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}

/**
 * Compiles a Vega-Lite spec and draws it as SVG in Node (no browser).
 * Text is laid out with whatever `vega.textMetrics` holds: call
 * `useChartTextMetrics` first for correct Chinese widths. Clip-path and
 * gradient ids start from 1 (0) in each chart, whatever was drawn before, so
 * a chart's SVG depends on its spec alone (see svgIdsContinued for a report's
 * files).
 */
export async function renderSvg(spec: TopLevelSpec): Promise<RenderedSvg> {
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  const view = new vega.View(vega.parse(compile(spec, { logger }).spec), { renderer: 'none', logger });
  try {
    // Vega's id counters are the process's: drawn after other charts, a chart's ids would depend on them.
    vega.resetSVGDefIds();
    return { svg: await view.toSVG(), warnings };
  } finally {
    view.finalize();
  }
}
