import { readFile, stat } from 'node:fs/promises';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { problem, problems } from '../diagnostics/problems.js';
import { decodeText } from '../read/decodeText.js';
import type { Settings } from '../settings.js';
import { settingsSchema } from '../settings.js';
import { didYouMean } from './suggestCode.js';

const settingNames = Object.keys(settingsSchema.shape).map((code) => ({ code, name: '' }));

/** Reads settings.json if there is one; every problem is pushed to `diagnostics` and the defaults are returned instead. */
export async function readSettings(file: string, diagnostics: Diagnostic[]): Promise<Settings> {
  const present = await stat(file).then(
    () => true,
    () => false,
  );
  if (!present) return settingsSchema.parse({});
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(decodeText(await readFile(file)).text));
    if (parsed.success) return parsed.data;
    for (const issue of parsed.error.issues) {
      // A misspelt key is reported at the key itself, with the setting it was probably meant to be.
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      if (keys.length === 0) diagnostics.push(problem('BAD_SETTINGS', { file, column: issue.path.join('.'), detail: issue.message }));
      for (const key of keys) {
        const expected = didYouMean(key, settingNames, problems.BAD_SETTINGS.expected);
        diagnostics.push(problem('BAD_SETTINGS', { file, column: key, value: key, detail: `未知的设置 unknown setting "${key}"`, expected }));
      }
    }
  } catch (e) {
    diagnostics.push(problem('BAD_SETTINGS', { file, detail: (e as Error).message }));
  }
  return settingsSchema.parse({});
}
