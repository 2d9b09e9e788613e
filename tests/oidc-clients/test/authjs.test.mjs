// @auth/core (Auth.js) with the configuration of issue 5, as a Next.js app would use it: sign in through
// our issuer, then read the session. The app runs in-process on http://localhost:3000 (never listened on:
// requests are handed to Auth() directly); our host and the demo provider are real processes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Auth } from '@auth/core';
import { Browser, admin, signInAtConnectors, startWorld } from '../support/harness.mjs';

const appOrigin = 'http://localhost:3000';
const person = { name: 'Ada Lovelace', email: 'ada@example.com' };
let world;
let config;

before(async () => {
  world = await startWorld();
  const app = await admin(world, 'POST', '/api/apps', { name: 'Auth.js app', redirectUris: [`${appOrigin}/api/auth/callback/logto`] });
  config = {
    secret: 'a-test-secret-of-at-least-32-characters!',
    trustHost: true,
    basePath: '/api/auth',
    providers: [{
      id: 'logto', name: 'Logto', type: 'oidc', issuer: world.issuer,
      clientId: app.clientId, clientSecret: app.clientSecret,
      authorization: { params: { scope: 'openid offline_access profile email' } },
      profile(p) { return { id: p.sub, name: p.name ?? p.username, email: p.email, image: p.picture }; },
    }],
  };
});

after(async () => world?.stop());

/** The Next.js app's /api/auth/* route: a Request in, Auth.js's Response out, cookies kept by the browser. */
async function appRequest(browser, path, init = {}) {
  const url = new URL(path, appOrigin);
  const jar = browser.cookies.get(url.hostname) ?? new Map();
  const headers = new Headers(init.headers);
  if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
  const response = await Auth(new Request(url, { ...init, headers }), config);
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const [name, ...value] = pair.split('=');
    jar.set(name.trim(), value.join('='));
  }
  browser.cookies.set(url.hostname, jar);
  return response;
}

test('Auth.js signs in through Connectors and its session user has the upstream name and email', async () => {
  const browser = new Browser();
  const { csrfToken } = await (await appRequest(browser, '/api/auth/csrf')).json();
  const start = await appRequest(browser, '/api/auth/signin/logto', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrfToken, callbackUrl: `${appOrigin}/dashboard` }),
  });
  assert.equal(start.status, 302);
  const authorizationUrl = start.headers.get('location');
  assert.ok(authorizationUrl.startsWith(`${world.issuer}/auth?`), authorizationUrl);
  assert.equal(new URL(authorizationUrl).searchParams.get('code_challenge_method'), 'S256');

  const callback = await signInAtConnectors(world, browser, authorizationUrl, person);
  assert.ok(callback.startsWith(`${appOrigin}/api/auth/callback/logto?`), callback);
  const finished = await appRequest(browser, callback);
  assert.equal(finished.status, 302, await finished.clone().text());
  assert.equal(finished.headers.get('location'), `${appOrigin}/dashboard`);

  const session = await (await appRequest(browser, '/api/auth/session')).json();
  assert.equal(session.user.name, person.name);
  assert.equal(session.user.email, person.email);
});
