import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The bureau's clock (UTC+8, no daylight saving), whatever the machine's: dates in reports and file names stay the same everywhere.
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'out/test-results.json' },
  },
});
