// Calls to the API through the front door, with the signed-in user's token. Refusals come back as RFC 9457
// problems; ApiError carries the problem and a Dutch sentence for the screen.
import { currentSession, signOut } from './session.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(dutchMessage(status, problem));
    this.status = status;
    this.problem = problem || {};
  }

  /** The fields the API named as wrong: [{field, message}]. */
  get fieldErrors() {
    return Array.isArray(this.problem.errors) ? this.problem.errors : [];
  }
}

function dutchMessage(status, problem) {
  const messages = {
    400: 'Controleer de invoer.',
    401: 'Uw aanmelding is verlopen; meld u opnieuw aan.',
    403: 'Dit mag u met uw rol of organisatie niet doen.',
    404: 'Niet gevonden (of niet van uw organisatie).',
    409: 'Dit kan niet meer: de situatie is intussen veranderd.',
    413: 'Het bericht is te groot.',
    429: 'Even te veel verzoeken tegelijk; probeer het zo opnieuw.',
  };
  const text = messages[status] || (status >= 500 ? 'Er ging iets mis bij de server; probeer het opnieuw.'
    : `Het verzoek werd geweigerd (${status}).`);
  return problem?.detail && status !== 401 ? `${text} (${problem.detail})` : text;
}

/** Sends a call; resolves to the parsed JSON answer (or null), rejects with ApiError. */
export async function call(method, path, body, { accept = 'application/json', headers = {} } = {}) {
  const response = await send(method, path, body, accept, headers);
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  return type.includes('json') ? response.json() : response.text();
}

/** The raw answer, for downloads (CSV). */
export async function download(path, accept) {
  const response = await send('GET', path, undefined, accept);
  return { blob: await response.blob(), disposition: response.headers.get('Content-Disposition') };
}

/**
 * Downloads the file at path and hands it to the browser to save, under the name the answer gives
 * (Content-Disposition) or fallbackName; resolves to the name.
 */
export async function saveDownload(path, accept, fallbackName) {
  const { blob, disposition } = await download(path, accept);
  const name = /filename="([^"]+)"/.exec(disposition || '')?.[1] || fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  return name;
}

/** A body sent as it is, with its own content type (a CSV file), instead of as JSON. */
class RawBody {
  constructor(text, type) {
    this.text = text;
    this.type = type;
  }
}

async function send(method, path, body, accept, extraHeaders = {}) {
  const session = currentSession();
  const headers = { ...extraHeaders, Accept: accept };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  let payload;
  if (body instanceof RawBody) {
    headers['Content-Type'] = body.type;
    payload = body.text;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch (networkError) {
    throw new ApiError(503, { detail: 'geen verbinding' });
  }
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch (notJson) {
      problem = {};
    }
    if (response.status === 401) {
      signOut();
      window.dispatchEvent(new Event('adempauze:signed-out'));
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export const get = (path) => call('GET', path);
export const post = (path, body = {}, options = {}) => call('POST', path, body, options);
export const put = (path, body) => call('PUT', path, body);
/** Posts text as it is, e.g. a CSV file as {@code text/csv}. */
export const postText = (path, text, type) => call('POST', path, new RawBody(text, type));

/**
 * A fresh Idempotency-Key. crypto.randomUUID exists only on https and localhost; getRandomValues everywhere.
 */
export function newIdempotencyKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}
