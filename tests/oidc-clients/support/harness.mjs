// The world the clients talk to (database, demo provider, host) comes from tests/support/world.mjs, shared
// with tests/nextjs-apps; this file adds the scripted browser that plays the user.
export { admin, freePort, startWorld } from '../../support/world.mjs';

/** A browser: cookies per host name (as browsers keep them, whatever the port), redirects followed by hand. */
export class Browser {
  cookies = new Map();

  async get(url, init = {}) {
    const target = new URL(url);
    const jar = this.cookies.get(target.hostname) ?? new Map();
    const headers = new Headers(init.headers);
    if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(target, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      jar.set(name.trim(), value.join('='));
    }
    this.cookies.set(target.hostname, jar);
    return response;
  }
}

/**
 * From an app's authorization URL to the app's redirect URI with a code: our /oidc/auth sends the browser
 * to /sign-in, the user picks "Continue with Demo", types a name at the demo provider, the connector
 * callback signs them in and returns to /oidc/auth, which redirects to the app.
 */
export async function signInAtConnectors(world, browser, authorizationUrl, person) {
  let response = await browser.get(authorizationUrl);
  expectRedirect(response, `${world.origin}/sign-in?returnTo=`, world);
  const signInPage = await browser.get(new URL(response.headers.get('location'), world.origin));
  const html = await signInPage.text();
  const href = /href="(\/sign-in\/demo\?returnTo=[^"]+)"/.exec(html)?.[1];
  if (!href) throw new Error(`no "Continue with Demo" link on the sign-in page:\n${html}`);
  response = await browser.get(new URL(href.replaceAll('&amp;', '&'), world.origin));
  expectRedirect(response, `${world.demoOrigin}/authorize?`, world);
  const authorize = new URL(response.headers.get('location'));
  const form = new URLSearchParams({ name: person.name, email: person.email });
  for (const field of ['client_id', 'redirect_uri', 'state', 'code_challenge', 'code_challenge_method']) {
    form.set(field, authorize.searchParams.get(field) ?? '');
  }
  response = await browser.get(`${world.demoOrigin}/authorize`, { method: 'POST', body: form });
  expectRedirect(response, `${world.origin}/callback/demo?`, world);
  response = await browser.get(response.headers.get('location'));
  expectRedirect(response, '/oidc/auth?', world);
  response = await browser.get(new URL(response.headers.get('location'), world.origin));
  if (response.status !== 302) throw new Error(`/oidc/auth answered ${response.status}: ${await response.text()}`);
  return response.headers.get('location');
}

function expectRedirect(response, prefix, world) {
  const location = response.headers.get('location') ?? '';
  const absolute = location.startsWith('/') && !prefix.startsWith('/') ? world.origin + location : location;
  if (response.status !== 302 || !absolute.startsWith(prefix)) {
    throw new Error(`expected a 302 to ${prefix}…, got ${response.status} to '${location}'\n${world.logs()}`);
  }
}
