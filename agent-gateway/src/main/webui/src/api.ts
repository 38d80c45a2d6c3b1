// Calls to the gateway's API: the session cookie goes along by itself, writes carry the CSRF token,
// and a 401 (session over) sends the browser to sign in again. No token is ever stored here.

let csrfToken = '';

export function useCsrfToken(token: string) {
  csrfToken = token;
}

/** A refusal as the gateway's problem details: the type names what went wrong (e.g. ...:stale-version). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly detail: string, readonly type = 'about:blank',
    readonly suggestedVisibility: string | null = null) {
    super(detail);
  }
}

export const STALE_VERSION = 'urn:switchboard:problem:stale-version';

const SIGN_IN_AT = 'switchboard.signInAt';

export function signInAgain(): never {
  // Any page of the app makes the gateway redirect to Keycloak's login page. If we were sent here
  // moments ago already, something is off (cookies blocked?): stop rather than loop.
  const last = Number(window.sessionStorage.getItem(SIGN_IN_AT) ?? 0);
  if (Date.now() - last > 10_000) {
    window.sessionStorage.setItem(SIGN_IN_AT, String(Date.now()));
    window.location.replace('/');
  }
  throw new ApiError(401, 'Your session has ended. Reload the page to sign in again.');
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401) signInAgain();
  if (!response.ok) {
    let detail = `${response.status} ${response.statusText}`;
    let type = 'about:blank';
    let suggestedVisibility: string | null = null;
    try {
      const problem = await response.json();
      if (problem && typeof problem.detail === 'string') detail = problem.detail;
      if (problem && typeof problem.type === 'string') type = problem.type;
      if (problem && typeof problem.suggestedVisibility === 'string') suggestedVisibility = problem.suggestedVisibility;
    } catch {
      // not problem details
    }
    throw new ApiError(response.status, detail, type, suggestedVisibility);
  }
  if (response.status === 204 || response.status === 202) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  delete: (path: string) => call<void>('DELETE', path),
};
