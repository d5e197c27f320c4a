// The signed-in session of this tab. The refresh token lives only in its HttpOnly cookie (path
// /api/auth): the page trades it for an access token on load, keeps that token in this module's
// memory (never in localStorage or sessionStorage) and trades again before it expires. Refresh
// tokens rotate and a reused one revokes the session, so tabs of one browser take turns (Web
// Locks): each presents the cookie its predecessor just received.

let accessToken = null;
let account = null;
let renewal = null;

/** An error answer of the API: status, the stable problem type (without urn:onair:problem:), field errors. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.type = (problem?.type || '').replace('urn:onair:problem:', '');
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
    this.channelId = problem?.channelId ?? null;
  }
}

async function exclusively(work) {
  return navigator.locks ? navigator.locks.request('onair-session', work) : work();
}

/** Trades the refresh cookie for an access token; false when there is no session (anonymous). */
async function refresh() {
  return exclusively(async () => {
    const response = await fetch('/api/auth/refresh', {
      method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json' },
      // the other tabs wait on this one: never for ever
      signal: AbortSignal.timeout(15000),
    });
    if (!response.ok) {
      accessToken = null;
      return false;
    }
    const tokens = await response.json();
    accessToken = tokens.accessToken;
    clearTimeout(renewal);
    // well before it expires, so that a slow request never carries a stale token
    renewal = setTimeout(() => refresh().catch(() => {}), Math.max(30, tokens.expiresIn * 0.8) * 1000);
    return true;
  });
}

/** Calls the API: JSON in and out, the bearer token when signed in, one refresh on a 401. */
export async function api(path, { method = 'GET', body, retry = true } = {}) {
  const headers = { Accept: 'application/json' };
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 401 && accessToken && retry && await refresh()) {
    return api(path, { method, body, retry: false });
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // not JSON: the status says it
    }
    throw new ApiError(response.status, problem);
  }
  return response.status === 204 ? null : response.json();
}

let started = null;

/** Signs the tab in from the cookie, once; resolves to the account (GET /api/me) or null. */
export function start() {
  started ??= (async () => {
    try {
      if (!(await refresh())) return null;
      account = await api('/api/me');
      return account;
    } catch (error) {
      console.warn('OnAir: session', error);
      accessToken = null;
      return null;
    }
  })();
  return started;
}

export function signedIn() {
  return accessToken !== null;
}

export function currentAccount() {
  return account;
}

/** Where a sign-in button leads: the provider, and back to this page. */
export function loginUrl(provider) {
  const back = location.pathname + location.search;
  return `/api/auth/${encodeURIComponent(provider)}/login?return_to=${encodeURIComponent(back)}`;
}

export async function signOut() {
  await exclusively(() => fetch('/api/auth/logout', { method: 'POST', credentials: 'same-origin' }));
  accessToken = null;
  account = null;
  clearTimeout(renewal);
  location.reload();
}
