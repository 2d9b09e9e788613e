// A browser app (`spa`) as openid-client v6 runs it: a public client with no secret (`none` authentication),
// PKCE, and the token and userinfo calls made with the app's Origin header, as a browser's fetch would send
// them: each answer must carry the CORS header that lets the page read it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as client from 'openid-client';
import { Browser, admin, signInAtConnectors, startWorld } from '../support/harness.mjs';

const appOrigin = 'http://127.0.0.1:5173';
const redirectUri = `${appOrigin}/callback`;
const person = { name: 'Katherine Johnson', email: 'katherine@example.com' };
let world;
let app;
let config;

/** fetch as the app's page would call it: with its Origin, and readable only when the answer allows that origin. */
async function browserFetch(url, options) {
  const headers = new Headers(options?.headers);
  headers.set('origin', appOrigin);
  const response = await fetch(url, { ...options, headers });
  assert.equal(response.headers.get('access-control-allow-origin'), appOrigin, `${url} answered no CORS header for ${appOrigin}`);
  return response;
}

before(async () => {
  world = await startWorld();
  app = await admin(world, 'POST', '/api/apps', { name: 'Browser app', type: 'spa', redirectUris: [redirectUri], corsOrigins: [appOrigin] });
  config = await client.discovery(new URL(world.issuer), app.clientId, { id_token_signed_response_alg: 'ES384' }, client.None(),
    { execute: [client.allowInsecureRequests] }); // the test host is plain http on loopback
  config[client.customFetch] = browserFetch;
});

after(async () => world?.stop());

test('a spa app has no secret and discovery advertises the none method it uses', () => {
  assert.equal(app.type, 'spa');
  assert.equal(app.clientSecret, undefined);
  assert.ok(config.serverMetadata().token_endpoint_auth_methods_supported.includes('none'));
});

test('a spa app signs in with PKCE and no secret, reads userinfo and rotates its refresh token, all across origins', async () => {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri, scope: 'openid profile email offline_access', state,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
  });
  const callback = await signInAtConnectors(world, new Browser(), url, person);

  const tokens = await client.authorizationCodeGrant(config, new URL(callback), { pkceCodeVerifier: codeVerifier, expectedState: state, idTokenExpected: true });
  assert.equal(tokens.claims().name, person.name);
  const info = await client.fetchUserInfo(config, tokens.access_token, tokens.claims().sub);
  assert.equal(info.email, person.email);

  const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
  assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
  await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token), (error) => error.error === 'invalid_grant');
});
