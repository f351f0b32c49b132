/** Signing in to a benchmark server over HTTP (the benchmark users share one password). */
export const PASSWORD = "Bench-password-2026";

export interface Session {
  cookie: string;
  csrf: string;
}

export async function signIn(port: number, username: string): Promise<Session> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const body = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: body.csrfToken };
}
