// Who is signed in: the access token and its claims, kept for this browser tab only (sessionStorage), so closing
// the tab signs out and another tab can sign in as another role.

const KEY = 'adempauze.session';

export function currentSession() {
  const stored = sessionStorage.getItem(KEY);
  if (!stored) return null;
  const session = JSON.parse(stored);
  if (session.expiresAt && Date.now() > session.expiresAt - 30000) {
    signOut();
    return null;
  }
  return session;
}

/** Signs in with a user name and password at the issuer (`/auth/token`, OAuth2 client credentials). */
export async function signIn(user, password) {
  const response = await fetch('/auth/token', {
    method: 'POST',
    headers: {
      Authorization: `Basic ${btoa(unescape(encodeURIComponent(`${user}:${password}`)))}`,
      'Content-Type': 'application/x-www-form-urlencoded',
    },
    body: 'grant_type=client_credentials',
  });
  if (!response.ok) {
    throw new Error(response.status === 401 ? 'Gebruikersnaam of wachtwoord klopt niet.'
      : `Aanmelden lukt nu niet (${response.status}).`);
  }
  const grant = await response.json();
  const claims = decodeClaims(grant.access_token);
  const session = {
    token: grant.access_token,
    user: claims.sub,
    name: claims.name || claims.sub,
    roles: claims.roles || [],
    organisation: claims.org || null,
    regions: claims.regions || [],
    expiresAt: claims.exp ? claims.exp * 1000 : null,
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function signOut() {
  sessionStorage.removeItem(KEY);
}

function decodeClaims(token) {
  const payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = decodeURIComponent(Array.from(atob(payload))
    .map((c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
  return JSON.parse(json);
}
