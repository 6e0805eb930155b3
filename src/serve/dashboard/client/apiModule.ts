/** `/assets/api.js`: the JSON API, read relative to the page so the dashboard also works behind a proxy's sub-path. */
export const apiModule = String.raw`
/** A failed request, worded for the page: the server's own bilingual message when it sent one. */
export class ApiError extends Error {}

/** The JSON at path (relative to the page); ApiError with the server's message when it answers an error. */
export async function getJson(path) {
  let response;
  try {
    response = await fetch(path, { headers: { accept: 'application/json' } });
  } catch {
    throw new ApiError('连不上服务器，请确认 kpi serve 仍在运行 cannot reach the server: is kpi serve still running? (' + path + ')');
  }
  const body = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = body && body.error && body.error.message;
    throw new ApiError(message || '服务器返回错误 the server answered ' + response.status + ' (' + path + ')');
  }
  return body;
}

/** A query string of the defined values: query({ period: '2023Q4', region: undefined }) → '?period=2023Q4'. */
export function query(values) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== null && value !== '') params.set(name, value);
  const text = params.toString();
  return text === '' ? '' : '?' + text;
}

/** A path segment, escaped. */
export const segment = (value) => encodeURIComponent(value);
`;
