import type { ChildProcess } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The README, followed from top to bottom the way a new user would: every
 * command in its ```sh blocks is run, in order, in a copy of the checkout, and
 * must end with status 0 (or the `# exit N` its comment states). Every block
 * the README says a command printed (`<!-- printed by: <command> -->` before
 * it) is found in that command's output, line by line and in order, `…`
 * standing for what the README leaves out. Every ```sql block is run by DuckDB
 * on the outputs. Two commands are not run here: `npm ci` and `npm test`
 * are what `.ci/run` itself runs around this test.
 */

const execFileAsync = promisify(execFile);
const ROOT = resolve('.');
const README = join(ROOT, 'README.md');

interface Quoted {
  readonly command: string;
  readonly exit: number;
}

interface Printed {
  readonly command: string;
  readonly lines: readonly string[];
}

/** The commands of the README's ```sh blocks, one per line, with the exit status a `# exit N` comment promises. */
function quotedCommands(readme: string): Quoted[] {
  const commands: Quoted[] = [];
  for (const block of readme.matchAll(/^```sh\n([\s\S]*?)^```/gm)) {
    for (const line of (block[1] ?? '').split('\n')) {
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      const exit = /#[^#]*\bexit (\d)\b/.exec(line);
      commands.push({ command: withoutComment(line), exit: exit ? Number(exit[1]) : 0 });
    }
  }
  return commands;
}

const withoutComment = (line: string): string => line.replace(/\s+#\s.*$/, '').trim();

/** The blocks the README says a command printed. */
function printedBlocks(readme: string): Printed[] {
  return [...readme.matchAll(/^<!-- printed by: (.+?) -->\n```[a-z]*\n([\s\S]*?)^```/gm)].map((m) => ({
    command: (m[1] ?? '').trim(),
    lines: (m[2] ?? '').split('\n').filter((l) => l.trim() !== '' && l.trim() !== '…'),
  }));
}

/** Starts `command` in its own process group and waits until it prints an address (`http://…`), exits, or 20 s pass. */
async function startedInBackground(command: string, cwd: string, children: ChildProcess[]): Promise<{ status: number; text: string }> {
  const child = spawn('sh', ['-c', command], { cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  children.push(child);
  let text = '';
  let exited: number | null | undefined;
  child.stdout?.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (text += d.toString()));
  child.on('exit', (code) => (exited = code));
  const deadline = Date.now() + 20_000;
  while (exited === undefined && !/http:\/\//.test(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return { status: exited === undefined ? (/http:\/\//.test(text) ? 0 : -1) : (exited ?? -1), text };
}

const sqlBlocks = (readme: string): string[] => [...readme.matchAll(/^```sql\n([\s\S]*?)^```/gm)].map((m) => m[1] ?? '');

/** `…` in a quoted line stands for anything. */
const lineMatcher = (line: string): RegExp => new RegExp(`^${line.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);

/** The first command is `npm ci && npm run sample`: the install is CI's, the sample run is ours. */
const withoutInstall = (command: string): string | undefined => {
  const rest = command.replace(/^npm ci\s*&&\s*/, '');
  return rest === 'npm test' || rest === 'npm ci' ? undefined : rest;
};

describe('the README (then docs/), followed from top to bottom in a fresh copy of the checkout', () => {
  let work: string;
  let readme: string;
  const outputs = new Map<string, { status: number; text: string }>();
  const background: ChildProcess[] = [];

  beforeAll(async () => {
    // The analysts' documents in docs/ are followed after the README, on what it made.
    const docs = await Promise.all(['figures.md', 'data-folder.md', 'outputs.md'].map((f) => readFile(join(ROOT, 'docs', f), 'utf8')));
    readme = [await readFile(README, 'utf8'), ...docs].join('\n');
    work = await mkdtemp(join(tmpdir(), 'kpi-readme-'));
    // A clone holds no out/; node_modules and the build are the ones `npm ci` and `npm test` made.
    await cp(ROOT, work, { recursive: true, filter: (src) => !/\/(node_modules|out|\.git|dist)$/.test(src) });
    await symlink(join(ROOT, 'node_modules'), join(work, 'node_modules'));
    await symlink(join(ROOT, 'dist'), join(work, 'dist'));
    for (const { command } of quotedCommands(readme)) {
      const run = withoutInstall(command);
      // A command quoted twice (the README, then docs/) is run once: what it printed the first time is what the README quotes.
      if (run === undefined || outputs.has(command)) continue;
      if (run.endsWith('&')) {
        // A server the README starts in the background (`… &`): it runs until the end, and the commands after it talk to it.
        outputs.set(command, await startedInBackground(run.slice(0, -1), work, background));
        continue;
      }
      try {
        const { stdout, stderr } = await execFileAsync('sh', ['-c', run], { cwd: work, maxBuffer: 64 << 20, env: { ...process.env, NO_COLOR: '1' } });
        outputs.set(command, { status: 0, text: `${stdout}\n${stderr}` });
      } catch (e) {
        const failed = e as { code?: number; stdout?: string; stderr?: string };
        outputs.set(command, { status: failed.code ?? -1, text: `${failed.stdout ?? ''}\n${failed.stderr ?? ''}` });
      }
    }
  }, 300_000);

  afterAll(async () => {
    for (const child of background) {
      try {
        if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('quotes commands a checkout can run: `npm run kpi -- …`, never a bare `kpi` (not on PATH) nor placeholders', () => {
    const commands = quotedCommands(readme).map((c) => c.command);
    expect(commands.length).toBeGreaterThan(10);
    for (const command of commands) {
      expect(command, command).not.toMatch(/^kpi\b|^npx kpi\b/);
      expect(command, command).not.toMatch(/<[a-z]+>/);
    }
  });

  it('every command ends with the status the README promises (0 unless its comment says `exit N`)', () => {
    const failures = quotedCommands(readme)
      .filter((c) => withoutInstall(c.command) !== undefined)
      .map((c) => ({ command: c.command, expected: c.exit, got: outputs.get(c.command)?.status, output: outputs.get(c.command)?.text.slice(-600) }))
      .filter((r) => r.got !== r.expected);
    expect(failures).toEqual([]);
  });

  it('every block the README says a command printed is what that command prints', () => {
    const blocks = printedBlocks(readme);
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    for (const block of blocks) {
      const output = outputs.get(block.command);
      expect(output, `"${block.command}" is one of the README's commands`).toBeDefined();
      const printed = (output?.text ?? '').split('\n');
      let at = 0;
      for (const line of block.lines) {
        const matcher = lineMatcher(line);
        const found = printed.findIndex((p, i) => i >= at && matcher.test(p));
        expect(found, `${block.command}: "${line}" (in this order)`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    }
  });

  it('every example in the commands\' --help runs on the sample the README made (bare `kpi` as `npm run kpi --`)', async () => {
    const examples: string[] = [];
    // `serve` runs until stopped: the README starts it in the background instead.
    for (const command of ['', 'run', 'report', 'plan', 'runs', 'history', 'explain', 'diff', 'export']) {
      const { stdout } = await execFileAsync('node', ['dist/src/cli/bin.js', ...(command ? [command] : []), '--help'], { cwd: work });
      const after = stdout.split(/^示例[^\n]*\n/m)[1] ?? '';
      for (const line of after.split('\n')) {
        if (!/^ {2}(kpi|npm run kpi --) /.test(line)) break;
        examples.push(line.trim().replace(/^kpi /, 'npm run kpi -- '));
      }
    }
    expect(examples.length).toBeGreaterThanOrEqual(8);
    const failed: string[] = [];
    for (const example of examples) {
      const already = outputs.get(example);
      if (already) {
        if (already.status !== 0) failed.push(`${example}: exit ${already.status}`);
        continue;
      }
      try {
        await execFileAsync('sh', ['-c', example], { cwd: work, maxBuffer: 64 << 20 });
      } catch (e) {
        failed.push(`${example}: ${String((e as { stderr?: string }).stderr ?? e).slice(-400)}`);
      }
    }
    expect(failed).toEqual([]);
  }, 240_000);

  it('every SQL example runs on the sample outputs and finds rows', async () => {
    const blocks = sqlBlocks(readme);
    expect(blocks.length).toBeGreaterThan(0);
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      for (const text of blocks) {
        // The README's paths are relative to the checkout: read them in the copy (never a stale out/ beside the tests).
        const rows = (await connection.runAndReadAll(text.replaceAll("'out/", `'${work}/out/`))).getRowObjects();
        expect(rows.length, text).toBeGreaterThan(0);
      }
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});
