/**
 * Writes the published JSON Schemas to docs/schemas/ (`npm run schemas`):
 * one `<name>.v<version>.schema.json` per document of
 * src/present/schemas/publishedSchemas.ts. Run it after changing a schema;
 * tests/present/schemas.test.ts fails while the files differ from what this writes.
 * A document of an older version is never deleted: it stays published.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { publishedSchemas, schemaFileName, schemaNames } from '../../src/present/schemas/publishedSchemas.js';

export const SCHEMA_FOLDER = 'docs/schemas';

/** A document's text as it is committed: two-space JSON, one final newline. */
export const schemaText = (document: unknown): string => `${JSON.stringify(document, null, 2)}\n`;

async function main(): Promise<void> {
  await mkdir(SCHEMA_FOLDER, { recursive: true });
  const documents = publishedSchemas();
  for (const name of schemaNames) {
    const file = join(SCHEMA_FOLDER, schemaFileName(name));
    await writeFile(file, schemaText(documents[name]));
    process.stdout.write(`${file}\n`);
  }
}

// Run as a script, not when a test imports the helpers above.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
