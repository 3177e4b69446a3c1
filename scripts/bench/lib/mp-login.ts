// Logs a mini-program user in the way the app does, with the simulator standing in for wx.login().

interface DevLoginCode {
  code: string;
}

interface LoginData {
  data: { accessToken: string };
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${url} → HTTP ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Returns an access token for the simulator identity `identity` (created on first login). */
export async function loginMpUser(simUrl: string, bffUrl: string, appid: string, identity: string): Promise<string> {
  const { code } = await postJson<DevLoginCode>(`${simUrl}/__dev/login-code`, { appid, identity });
  const login = await postJson<LoginData>(`${bffUrl}/api/mp/auth/login`, { code });
  return login.data.accessToken;
}

/** One request up front: a misconfigured target fails here with its body, not as 50k non-2xx. */
export async function expectOk(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url} → HTTP ${res.status} (expected 200): ${text.slice(0, 300)}`);
  return JSON.parse(text) as unknown;
}
