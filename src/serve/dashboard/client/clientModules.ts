import { apiModule } from './apiModule.js';
import { chartsModule } from './chartsModule.js';
import { domModule } from './domModule.js';
import { explainModule } from './explainModule.js';
import { mainModule } from './mainModule.js';
import { stateModule } from './stateModule.js';
import { vocabularyModule } from './vocabularyModule.js';

/**
 * The dashboard's browser code: plain ES2020 modules, served as
 * `/assets/<name>` and importing one another by relative URL.
 *
 * Why text in .ts files rather than .js files or typed functions: tsc copies
 * only what it compiles into dist/, so a .js file beside the sources would be
 * missing from the built package; a TypeScript function served through
 * `.toString()` would need the DOM types in a program that has none (and
 * whose every file would then see `document`), and its text would be
 * whatever the compiler or a test transform emitted. A string is served
 * byte for byte as written. Each is a `String.raw` template, so a backslash
 * means what it means in JavaScript; the one rule is that the code must not
 * contain a backtick or a dollar-brace (use string concatenation). The
 * browser test runs all of it.
 */
export const clientModules: Readonly<Record<string, () => string>> = {
  'dashboard.js': () => mainModule,
  'api.js': () => apiModule,
  'charts.js': () => chartsModule,
  'dom.js': () => domModule,
  'explain.js': () => explainModule,
  'state.js': () => stateModule,
  'vocabulary.js': vocabularyModule,
};
