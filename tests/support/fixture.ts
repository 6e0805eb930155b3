import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ResultRow } from '../../src/present/resultColumns.js';
import type { RunOptions, RunSummary } from '../../src/engine/runJob.js';
import { runJob } from '../../src/engine/runJob.js';

/** A tiny data folder written from inline text: file name → content (string or bytes). */
export interface FolderSpec {
  regions?: string;
  targets?: string;
  /** observations/<name> → content */
  observations?: Record<string, string | Uint8Array>;
  settings?: object;
}

/** A three-level default tree: city C with districts A and B. */
export const cityAB = `code,name,parent,level,rollup
C,City,,city,true
A,District A,C,district,true
B,District B,C,district,true
`;

export async function tempDir(prefix = 'kpi-test-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function writeFolder(spec: FolderSpec, dir?: string): Promise<string> {
  const root = dir ?? (await tempDir());
  await mkdir(join(root, 'observations'), { recursive: true });
  await writeFile(join(root, 'regions.csv'), spec.regions ?? cityAB);
  await writeFile(join(root, 'targets.csv'), spec.targets ?? 'indicator,region,year,period,value\n');
  for (const [name, content] of Object.entries(spec.observations ?? {})) await writeFile(join(root, 'observations', name), content);
  if (spec.settings) await writeFile(join(root, 'settings.json'), JSON.stringify(spec.settings));
  return root;
}

/** Long-layout CSV from rows `[region, period, variable, value]`. */
export const longCsv = (rows: readonly (readonly [string, string, string, number | string])[]): string =>
  `region,period,variable,value\n${rows.map((r) => r.join(',')).join('\n')}\n`;

export interface Ran {
  summary: RunSummary;
  rows: ResultRow[];
  out: string;
  /** The row for one indicator × region × period (throws if absent). */
  row(indicator: string, region: string, period: string): ResultRow;
}

/** Writes the folder, runs the whole job into a fresh output folder, and returns the results. */
export async function runFolder(spec: FolderSpec, options: Partial<RunOptions> = {}): Promise<Ran> {
  const data = await writeFolder(spec);
  const out = options.out ?? join(data, 'out');
  const summary = await runJob({ data, out, ...options });
  const rows = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as ResultRow[];
  return {
    summary,
    rows,
    out,
    row(indicator, region, period) {
      const found = rows.find((r) => r.indicator === indicator && r.region === region && r.period === period);
      if (!found) throw new Error(`no result row ${indicator} ${region} ${period}`);
      return found;
    },
  };
}

let gbkCodes: Map<string, readonly number[]> | undefined;

/**
 * Text as GB18030/GBK bytes, what Chinese Excel saves as "CSV". Node decodes
 * GB18030 but cannot encode it, so the table is Node's own decoder inverted
 * over the two-byte range (every character GBK has); others throw.
 */
export function gb18030Bytes(text: string): Uint8Array {
  if (gbkCodes === undefined) {
    const codes = new Map<string, readonly number[]>();
    const decoder = new TextDecoder('gb18030', { fatal: true });
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        let char: string;
        try {
          char = decoder.decode(Uint8Array.of(lead, trail));
        } catch {
          continue;
        }
        if (!codes.has(char)) codes.set(char, [lead, trail]);
      }
    }
    gbkCodes = codes;
  }
  const table = gbkCodes;
  return Uint8Array.from(
    [...text].flatMap((char) => {
      if (char.charCodeAt(0) < 0x80) return [char.charCodeAt(0)];
      const code = table.get(char);
      if (code === undefined) throw new Error(`"${char}" has no two-byte GBK code`);
      return [...code];
    }),
  );
}

/** Text as UTF-16 with its byte-order mark (what Excel's "Unicode text" writes), little- or big-endian. */
export function utf16Bytes(text: string, order: 'le' | 'be' = 'le', { bom = true }: { bom?: boolean } = {}): Uint8Array {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return order === 'le' ? le : le.swap16();
}
