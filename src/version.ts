/** The engine's version, recorded with every run (kept equal to package.json's by a test). */
export const ENGINE_VERSION = '0.1.0';
