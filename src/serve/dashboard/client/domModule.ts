/** `/assets/dom.js`: building the page's nodes without innerHTML, so a name from the data is always text, never markup. */
export const domModule = String.raw`
/** An element with attributes (null, undefined and false left out) and children (text or nodes, arrays flattened). */
export function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat(Infinity).filter((c) => c !== undefined && c !== null && c !== false));
  return node;
}

/** Chinese first, English after it, smaller. */
export const bilingual = (zh, en) => [zh, ' ', el('small', { lang: 'en' }, en)];
`;
