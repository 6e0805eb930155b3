import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The library's documentation cannot rot: every ```ts block of the README's
 * library section is run, as a user's own project runs it (a folder whose
 * node_modules/kpi-engine is this package, built), and typechecked there; what
 * it prints is compared with the block the README says it prints. And every
 * export of src/index.ts has its JSDoc, the `@example` of every function,
 * class and constant calling only what the surface exports.
 */

const execFileAsync = promisify(execFile);
const ROOT = resolve('.');
const bin = (name: string): string => join(ROOT, 'node_modules', '.bin', name);

interface Example {
  readonly code: string;
  /** The lines of the `<!-- the example prints -->` block after it; `…` stands for anything. */
  readonly prints: readonly string[];
}

/** The README's ```ts blocks, each with the printed block that follows it. */
export function readmeExamples(readme: string): Example[] {
  return [...readme.matchAll(/^```ts\n([\s\S]*?)^```\n(?:\s*<!-- the example prints -->\n```[a-z]*\n([\s\S]*?)^```)?/gm)].map((m) => ({
    code: m[1] ?? '',
    prints: (m[2] ?? '').split('\n').filter((l) => l.trim() !== ''),
  }));
}

/** `…` in a quoted line stands for anything. */
const lineMatcher = (line: string): RegExp => new RegExp(`^${line.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

describe("the README's library examples, run in a project that installs kpi-engine", () => {
  let project: string;
  let examples: Example[];
  const runs: { status: number; stdout: string; stderr: string }[] = [];

  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'dist', 'src', 'index.js')), 'the package is built (npm run build; npm test builds first)').toBe(true);
    examples = readmeExamples(await readFile(join(ROOT, 'README.md'), 'utf8'));
    project = await mkdtemp(join(tmpdir(), 'kpi-library-'));
    await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'my-dashboard', private: true, type: 'module' }));
    await mkdir(join(project, 'node_modules', '@types'), { recursive: true });
    // `npm install <this folder>` links it the same way.
    await symlink(ROOT, join(project, 'node_modules', 'kpi-engine'));
    await symlink(join(ROOT, 'node_modules', '@types', 'node'), join(project, 'node_modules', '@types', 'node'));
    await cp(join(ROOT, 'data', 'suqian'), join(project, 'data', 'suqian'), { recursive: true });
    for (const [i, example] of examples.entries()) await writeFile(join(project, `example-${i + 1}.ts`), example.code);
    for (const i of examples.keys()) {
      try {
        const { stdout, stderr } = await execFileAsync(bin('tsx'), [`example-${i + 1}.ts`], { cwd: project, env: { ...process.env, NO_COLOR: '1' } });
        runs.push({ status: 0, stdout, stderr });
      } catch (e) {
        const failed = e as { code?: number; stdout?: string; stderr?: string };
        runs.push({ status: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' });
      }
    }
  }, 180_000);

  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  it('finds the examples: a few, each importing from kpi-engine as a user writes it', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const example of examples) expect(example.code).toContain("from 'kpi-engine'");
  });

  it('every example runs to the end (exit 0) and prints nothing on stderr', () => {
    for (const [i, run] of runs.entries()) {
      expect(run.status, `example ${i + 1}: ${run.stderr.slice(-800)}`).toBe(0);
      expect(run.stderr, `example ${i + 1}`).toBe('');
    }
  });

  it('every example prints what the README says it prints, line by line', () => {
    for (const [i, example] of examples.entries()) {
      expect(example.prints.length, `example ${i + 1} is followed by <!-- the example prints --> and its output`).toBeGreaterThan(0);
      const printed = (runs[i]?.stdout ?? '').split('\n');
      let at = 0;
      for (const line of example.prints) {
        const matcher = lineMatcher(line);
        const found = printed.findIndex((p, j) => j >= at && matcher.test(p));
        expect(found, `example ${i + 1}: "${line}" (in this order) in:\n${printed.join('\n')}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    }
  });

  it('the chart example wrote its files', () => {
    expect(existsSync(join(project, 'scorecard.vl.json'))).toBe(true);
    expect(existsSync(join(project, 'scorecard.svg'))).toBe(true);
  });

  it('every example typechecks against the published types (strict, as a user compiles it)', async () => {
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] }, include: ['example-*.ts'] }),
    );
    const result = await execFileAsync(bin('tsc'), ['-p', project]).then(
      () => '',
      (e: { stdout?: string }) => e.stdout ?? 'tsc failed',
    );
    expect(result).toBe('');
  }, 120_000);
});

/**
 * The export names of src/index.ts with their declarations, and the members
 * of `Computation` (what an example's `kpi.` may call).
 */
function surface(): { exports: Map<string, ts.Symbol>; checker: ts.TypeChecker; members: Set<string>; header: string } {
  const program = ts.createProgram([join(ROOT, 'src', 'index.ts')], { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(join(ROOT, 'src', 'index.ts'));
  const module = index && checker.getSymbolAtLocation(index);
  if (!index || !module) throw new Error('src/index.ts did not load');
  const exports = new Map(checker.getExportsOfModule(module).map((s) => [s.name, s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s]));
  const computation = exports.get('Computation');
  const members = new Set(computation ? checker.getDeclaredTypeOfSymbol(computation).getProperties().map((p) => p.name) : []);
  // The header comment's example: what follows its `@example`, without the comment's stars.
  const header = (/@example([\s\S]*?)\*\//.exec(index.text)?.[1] ?? '').replace(/^\s*\* ?/gm, '');
  return { exports, checker, members, header };
}

/** The text of every `@example` of a symbol. */
const examplesOf = (symbol: ts.Symbol, checker: ts.TypeChecker): string[] =>
  symbol.getJsDocTags(checker).filter((t) => t.name === 'example').map((t) => ts.displayPartsToString(t.text));

const isValue = (symbol: ts.Symbol): boolean => (symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Variable)) !== 0;

/**
 * Exports whose definition is in a file this suite's owner may not edit yet
 * (src/store/ and two files other work is changing): their JSDoc example is
 * added with that work. Remove a name here once its definition has one.
 */
const exampleToCome = new Set(['Store', 'StoreBusyError', 'StoreVersionError', 'listRuns', 'defaultSettings', 'Settings', 'ProblemCode']);

/** Names an example calls bare (`compute(…)`, `new KpiInputError`) or imports from kpi-engine, and the Computation members it calls on `kpi.`. */
function namesCalled(text: string): { bare: string[]; imported: string[]; onKpi: string[] } {
  const imported = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'kpi-engine'/g)].flatMap((m) => (m[1] ?? '').split(',').map((n) => n.trim()).filter(Boolean));
  const importedElsewhere = [...text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'(?!kpi-engine')[^']*'/g)].flatMap((m) => (m[1] ?? '').split(',').map((n) => n.trim()));
  // Strings and comments say things; only code calls.
  const example = text.replace(/(^|\s)\/\/.*$/gm, '$1').replace(/'(?:[^'\\\n]|\\.)*'|`[^`]*`/g, "''");
  const declared = new Set([...importedElsewhere, ...[...example.matchAll(/\b(?:const|let|var|function|class)\s+(?:\[\s*)?([A-Za-z_$][\w$]*)/g)].map((m) => m[1])]);
  const keywords = new Set(['if', 'for', 'while', 'switch', 'catch', 'function', 'return', 'await', 'typeof', 'import', 'of', 'in']);
  const bare = [...example.matchAll(/(?<![\w$.'"`])(?:new\s+)?([A-Za-z_$][\w$]*)\s*\(/g)]
    .map((m) => m[1] ?? '')
    .filter((n) => !keywords.has(n) && !declared.has(n) && !(n in globalThis));
  const onKpi = [...example.matchAll(/\bkpi\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1] ?? '');
  return { bare, imported, onKpi };
}

describe('the JSDoc of every export of src/index.ts', () => {
  const { exports, checker, members, header } = surface();

  it('puts compute, openRun and Computation on the surface', () => {
    for (const name of ['compute', 'openRun', 'Computation', 'ComputeOptions', 'OpenRunOptions']) expect(exports.has(name), name).toBe(true);
  });

  it('documents every export; every function, class and constant has an @example', () => {
    const missing: string[] = [];
    for (const [name, symbol] of exports) {
      if (exampleToCome.has(name)) continue;
      if (ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() === '') missing.push(`${name}: no JSDoc`);
      else if (isValue(symbol) && examplesOf(symbol, checker).length === 0) missing.push(`${name}: no @example`);
    }
    expect(missing).toEqual([]);
  });

  it('no example calls what the surface does not export, nor a Computation member that does not exist', () => {
    const examples = [header, ...[...exports.values()].flatMap((s) => examplesOf(s, checker))];
    // Computation's own members' examples (table(), charts(), …) are part of its documentation too.
    const computation = exports.get('Computation');
    if (computation) for (const member of checker.getDeclaredTypeOfSymbol(computation).getProperties()) examples.push(...examplesOf(member, checker));
    expect(examples.length).toBeGreaterThan(20);
    const stale: string[] = [];
    for (const example of examples) {
      const { bare, imported, onKpi } = namesCalled(example);
      for (const name of [...bare, ...imported]) if (!exports.has(name)) stale.push(`${name} in: ${example.split('\n')[0]}`);
      for (const name of onKpi) if (!members.has(name)) stale.push(`kpi.${name} in: ${example.split('\n')[0]}`);
    }
    expect(stale).toEqual([]);
  });
});
