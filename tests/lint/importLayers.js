/**
 * A local ESLint plugin with one rule, `layers/import-order`: the folders of
 * src/ are the stages of the pipeline, and a stage may import only from
 * itself and from the stages before it. The order and the few exceptions the
 * code needs are options, written down in eslint.config.js.
 *
 * Options:
 * - `root`: the folder whose layers are checked (default `src`, from the cwd);
 * - `order`: the layers, first to last; a layer is a folder (`store`) or a
 *   file directly in the root (`settings.ts`); an inner array is a rank of
 *   peers, which import from earlier ranks but not from one another;
 * - `exceptions`: `{ from, to, reason }`, each a layer (`check`) or a path
 *   under the root (`plan/parsePlan.ts`, `store/`); the reason is required.
 *
 * Any relative import that leaves the root (`../../tests/…`) is reported too:
 * what src/ needs must be in src/, or the built package would miss it.
 */
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** `a/b.js` and `a/b.ts` are the same module; so are `settings.js` and `settings.ts`. */
const stem = (path) => path.replace(/\.[cm]?[jt]sx?$/, '');

/** Whether `path` (under the root, `/`-separated) is what `pattern` names: itself, or something inside it. */
const covers = (pattern, path) => {
  const p = pattern.replace(/\/+$/, '');
  return stem(path) === stem(p) || path.startsWith(`${p}/`);
};

/** The layer of a path under the root: its first folder, or the file itself when it sits in the root. */
const layerOf = (path) => {
  const slash = path.indexOf('/');
  return slash === -1 ? path : path.slice(0, slash);
};

/** @type {import('eslint').Rule.RuleModule} */
const importOrder = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the pipeline: a layer of src/ imports only from itself and from earlier layers.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          order: {
            type: 'array',
            minItems: 1,
            items: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
          },
          exceptions: {
            type: 'array',
            items: {
              type: 'object',
              properties: { from: { type: 'string' }, to: { type: 'string' }, reason: { type: 'string', minLength: 1 } },
              required: ['from', 'to', 'reason'],
              additionalProperties: false,
            },
          },
        },
        required: ['order'],
        additionalProperties: false,
      },
    ],
    messages: {
      later:
        "layer '{{from}}' may not import from '{{to}}' ('{{specifier}}'): '{{to}}' comes {{where}} in the pipeline. A layer imports only from itself and from layers before it: {{order}}.",
      unlisted: "'{{layer}}' is not in the layer order ({{order}}); add it where it belongs in the pipeline (eslint.config.js).",
      outside: "'{{specifier}}' leaves {{root}}/: code in {{root}}/ imports only from {{root}}/ and from packages, or the built package would miss it.",
    },
  },

  create(context) {
    const options = context.options[0] ?? { order: [] };
    const rootName = options.root ?? 'src';
    const root = resolve(context.cwd, rootName);
    const file = context.filename;
    const here = relative(root, file);
    if (here === '' || here.startsWith('..') || isAbsolute(here)) return {};
    const toPosix = (p) => p.split(sep).join('/');
    const fromPath = toPosix(here);
    const fromLayer = layerOf(fromPath);

    /** Rank of each layer, by its stem, so `settings.js` finds `settings.ts`. */
    const rank = new Map();
    options.order.forEach((entry, i) => {
      for (const layer of Array.isArray(entry) ? entry : [entry]) rank.set(stem(layer), i);
    });
    const order = options.order.map((entry) => (Array.isArray(entry) ? entry.join(' | ') : entry)).join(' → ');
    const exceptions = options.exceptions ?? [];
    const excepted = (toPath) => exceptions.some((e) => covers(e.from, fromPath) && covers(e.to, toPath));

    function check(node, specifier) {
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = relative(root, resolve(dirname(file), specifier));
      if (target.startsWith('..') || isAbsolute(target)) {
        context.report({ node, messageId: 'outside', data: { specifier, root: rootName } });
        return;
      }
      const toPath = toPosix(target);
      const toLayer = layerOf(toPath);
      if (stem(toLayer) === stem(fromLayer) || excepted(toPath)) return;
      const fromRank = rank.get(stem(fromLayer));
      const toRank = rank.get(stem(toLayer));
      if (fromRank === undefined || toRank === undefined) {
        context.report({ node, messageId: 'unlisted', data: { layer: fromRank === undefined ? fromLayer : toLayer, order } });
        return;
      }
      if (toRank < fromRank) return;
      const where = toRank === fromRank ? `beside it (a peer, not before it)` : 'after it';
      context.report({ node, messageId: 'later', data: { from: fromLayer, to: toLayer, specifier, where, order } });
    }

    const sourceOf = (node) => node.source && check(node.source, node.source.value);
    return {
      ImportDeclaration: sourceOf,
      ExportNamedDeclaration: sourceOf,
      ExportAllDeclaration: sourceOf,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      // `import('../x.js').T` in a type position.
      TSImportType: (node) => node.source?.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default {
  meta: { name: 'layers' },
  rules: { 'import-order': importOrder },
};
