import { rm, writeFile } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Linter } from 'eslint';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ruleId = 'layers/import-order';
const stem = (path: string): string => path.replace(/\.[cm]?[jt]sx?$/, '');

/** The plugin and options exactly as eslint.config.js wires them for src/. */
async function configuredRule(): Promise<{ plugin: ESLint.Plugin; entry: Linter.RuleEntry }> {
  const config = (await new ESLint({ cwd: root }).calculateConfigForFile('src/store/anything.ts')) as Linter.Config;
  const plugin = config.plugins?.layers;
  const entry = config.rules?.[ruleId];
  if (!plugin || entry === undefined) throw new Error(`eslint.config.js does not apply ${ruleId} to src/`);
  return { plugin, entry };
}

/** ESLint with only the layer rule (no type information), so virtual files need not exist. */
function layerLinter(plugin: ESLint.Plugin, entry: Linter.RuleEntry): ESLint {
  return new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { layers: plugin }, rules: { [ruleId]: entry } }],
  });
}

/** The layer rule's findings for `code` placed at `file` (relative to the project). */
async function findings(eslint: ESLint, file: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  if (!result) throw new Error(`no lint result for ${file}`);
  const fatal = result.messages.filter((m) => m.fatal);
  if (fatal.length > 0) throw new Error(fatal.map((m) => m.message).join('\n'));
  return result.messages.filter((m) => m.ruleId === ruleId);
}

describe('the layer rule', () => {
  let eslint: ESLint;
  let entry: Linter.RuleEntry;
  let plugin: ESLint.Plugin;
  beforeAll(async () => {
    ({ plugin, entry } = await configuredRule());
    eslint = layerLinter(plugin, entry);
  });

  it('refuses an import from a later layer, naming both layers and the order', async () => {
    const [problem, ...more] = await findings(eslint, 'src/store/x.ts', "import { y } from '../present/y.js';\nexport const x = y;\n");
    expect(more).toEqual([]);
    expect(problem?.messageId).toBe('later');
    expect(problem?.message).toContain("layer 'store' may not import from 'present'");
    expect(problem?.message).toContain('→ store → resolve → evaluate → assess → present →');
  });

  it('lets a layer import from earlier layers and from itself', async () => {
    const code = "import { Store } from '../store/store.js';\nimport type { Region } from '../../src/model/region.js';\nimport { z } from './z.js';\nexport const x = [Store, z] as const;\nexport type R = Region;\n";
    expect(await findings(eslint, 'src/present/x.ts', code)).toEqual([]);
  });

  it('counts type imports, re-exports and dynamic imports alike', async () => {
    const code = [
      "import type { Run } from '../engine/run.js';",
      "export * from '../present/y.js';",
      "export { z } from '../cli/z.js';",
      "export const later = () => import('../publish/p.js');",
      "export type T = import('../assess/a.js').A | Run;",
    ].join('\n');
    const problems = await findings(eslint, 'src/check/x.ts', code);
    expect(problems.map((p) => [p.line, p.messageId])).toEqual([
      [1, 'later'],
      [2, 'later'],
      [3, 'later'],
      [4, 'later'],
      [5, 'later'],
    ]);
  });

  it('keeps model a leaf and the foundation files independent of one another', async () => {
    expect((await findings(eslint, 'src/model/x.ts', "import '../diagnostics/diagnostic.js';\n")).map((p) => p.messageId)).toEqual(['later']);
    const peer = await findings(eslint, 'src/diagnostics/x.ts', "import { ENGINE_VERSION } from '../version.js';\nexport const v = ENGINE_VERSION;\n");
    expect(peer.map((p) => p.messageId)).toEqual(['later']);
    expect(peer[0]?.message).toContain('beside it');
    expect(await findings(eslint, 'src/catalog/x.ts', "import '../settings.js';\nimport '../diagnostics/problems.js';\n")).toEqual([]);
  });

  it('lets index.ts import from any layer', async () => {
    expect(await findings(eslint, 'src/index.ts', "export * from './cli/main.js';\nexport * from './model/region.js';\n")).toEqual([]);
  });

  it('refuses a relative import that leaves src/', async () => {
    const problems = await findings(eslint, 'src/store/x.ts', "import { tempDir } from '../../tests/support/fixture.js';\nexport const t = tempDir;\n");
    expect(problems.map((p) => p.messageId)).toEqual(['outside']);
  });

  it('names a folder that is missing from the order', async () => {
    expect((await findings(eslint, 'src/widgets/x.ts', "import '../model/region.js';\n")).map((p) => p.messageId)).toEqual(['unlisted']);
  });

  it('allows an exception only between the files it names', async () => {
    const code = "import { editDistance } from '../check/editDistance.js';\nexport const d = editDistance;\n";
    expect(await findings(eslint, 'src/plan/parsePlan.ts', code)).toEqual([]);
    expect((await findings(eslint, 'src/plan/trackPlan.ts', code)).map((p) => p.messageId)).toEqual(['later']);
  });

  it('lists only exceptions that src/ still needs', async () => {
    const options = (Array.isArray(entry) ? entry[1] : undefined) as { exceptions: { from: string; to: string }[] } | undefined;
    if (!options) throw new Error(`${ruleId} has no options`);
    const strict = layerLinter(plugin, ['error', { ...options, exceptions: [] }]);
    // Each crossing as `from` → `to`, both under src/ and without extension, as the exceptions name them.
    const crossings = (await strict.lintFiles(['src/**/*.ts'])).flatMap((r) => {
      const file = relative(join(root, 'src'), r.filePath).split(sep).join('/');
      return r.messages.flatMap((m) => {
        const specifier = m.ruleId === ruleId ? /\('([^']+)'\)/.exec(m.message)?.[1] : undefined;
        return specifier === undefined ? [] : [{ from: stem(file), to: stem(posix.join(posix.dirname(file), specifier)) }];
      });
    });
    const covers = (pattern: string, path: string): boolean => path === stem(pattern.replace(/\/$/, '')) || path.startsWith(pattern.replace(/\/?$/, '/'));
    for (const exception of options.exceptions) {
      const used = crossings.some((c) => covers(exception.from, c.from) && covers(exception.to, c.to));
      expect(used, `exception ${exception.from} → ${exception.to} is no longer needed: remove it from eslint.config.js`).toBe(true);
    }
  });
});

describe('the type-aware lint', () => {
  // Type information needs a file the TypeScript project can see, so this one is real, briefly.
  const file = join(root, 'tests', 'lint', `tmp-floating-${process.pid}.ts`);
  beforeAll(async () => {
    await writeFile(file, 'export const later = (): Promise<void> => Promise.resolve();\n\nexport function now(): void {\n  later();\n}\n');
  });
  afterAll(async () => {
    await rm(file, { force: true });
  });

  it('catches a floating promise', async () => {
    const [result] = await new ESLint({ cwd: root }).lintFiles([file]);
    expect(result?.messages.map((m) => [m.line, m.ruleId])).toEqual([[4, '@typescript-eslint/no-floating-promises']]);
  });
});
