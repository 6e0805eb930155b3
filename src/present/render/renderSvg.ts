import type { LoggerInterface } from 'vega';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';

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
 * `useChartTextMetrics` first for correct Chinese widths.
 */
export async function renderSvg(spec: TopLevelSpec): Promise<RenderedSvg> {
  const warnings: string[] = [];
  const logger = collectingLogger(warnings);
  const view = new vega.View(vega.parse(compile(spec, { logger }).spec), { renderer: 'none', logger });
  try {
    return { svg: await view.toSVG(), warnings };
  } finally {
    view.finalize();
  }
}
