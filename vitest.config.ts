import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The 通报's drawing cache (src/present/render/renderCache.ts) for this test run only: shared by its tests, never the home folder's.
const cache = mkdtempSync(join(tmpdir(), 'kpi-test-cache-'));

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The bureau's clock (UTC+8, no daylight saving), whatever the machine's: dates in reports and file names stay the same everywhere.
    env: { TZ: 'Asia/Shanghai', KPI_CACHE_DIR: cache },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'out/test-results.json' },
  },
});
