// openid-client v6 (panva) against our issuer: discovery, authorization code + PKCE through our sign-in,
// code exchange with an ES384 ID token checked against JWKS, userinfo, refresh with rotation and reuse detection.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as client from 'openid-client';
import { Browser, admin, signInAtConnectors, startWorld } from '../support/harness.mjs';

const redirectUri = 'http://127.0.0.1:3001/callback';
const person = { name: 'Grace Hopper', email: 'grace@example.com' };
let world;
let app;
let config;

before(async () => {
  world = await startWorld();
  app = await admin(world, 'POST', '/api/apps', { name: 'openid-client', redirectUris: [redirectUri] });
  config = await client.discovery(new URL(world.issuer), app.clientId,
    { client_secret: app.clientSecret, id_token_signed_response_alg: 'ES384' },
    client.ClientSecretBasic(app.clientSecret),
    { execute: [client.allowInsecureRequests] }); // the test host is plain http on loopback
  // Verify ID token signatures against the issuer's JWKS, not only the TLS channel (openid-client's opt-in).
  client.enableNonRepudiationChecks(config);
});

after(async () => world?.stop());

async function signIn(scope = 'openid profile email offline_access') {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri, scope, state, nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256',
  });
  const callback = await signInAtConnectors(world, new Browser(), url, person);
  return client.authorizationCodeGrant(config, new URL(callback), { pkceCodeVerifier: codeVerifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
}

test('discovery finds Logto\'s paths under the issuer', () => {
  const metadata = config.serverMetadata();
  assert.equal(metadata.issuer, world.issuer);
  assert.equal(metadata.authorization_endpoint, `${world.issuer}/auth`);
  assert.equal(metadata.token_endpoint, `${world.issuer}/token`);
  assert.equal(metadata.userinfo_endpoint, `${world.issuer}/me`);
  assert.equal(metadata.jwks_uri, `${world.issuer}/jwks`);
  assert.equal(metadata.end_session_endpoint, `${world.issuer}/session/end`);
  assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
});

test('code flow with PKCE through the demo connector yields an ES384 ID token with the upstream profile', async () => {
  const tokens = await signIn();
  const header = JSON.parse(Buffer.from(tokens.id_token.split('.')[0], 'base64url').toString());
  assert.equal(header.alg, 'ES384');
  const jwks = await (await fetch(`${world.issuer}/jwks`)).json();
  const key = jwks.keys.find((k) => k.kid === header.kid);
  assert.equal(key?.crv, 'P-384');
  const claims = tokens.claims();
  assert.equal(claims.iss, world.issuer);
  assert.equal(claims.aud, app.clientId);
  assert.match(claims.sub, /^[0-9a-f-]{36}$/);
  assert.equal(claims.name, person.name);
  assert.equal(claims.email, person.email);
  assert.ok(tokens.refresh_token, 'offline_access gives a refresh token without prompt=consent');

  const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  assert.equal(userinfo.sub, claims.sub);
  assert.equal(userinfo.name, person.name);
  assert.equal(userinfo.email, person.email);
});

test('refresh rotates the refresh token, and reusing the old one is refused and revokes the new one', async () => {
  const tokens = await signIn();
  const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
  assert.ok(refreshed.refresh_token);
  assert.notEqual(refreshed.refresh_token, tokens.refresh_token);
  assert.equal(refreshed.claims().sub, tokens.claims().sub);

  await assert.rejects(client.refreshTokenGrant(config, tokens.refresh_token), (error) => error.error === 'invalid_grant');
  await assert.rejects(client.refreshTokenGrant(config, refreshed.refresh_token), (error) => error.error === 'invalid_grant');
});

test('a wrong client secret is invalid_client', async () => {
  const wrong = new client.Configuration(config.serverMetadata(), app.clientId, app.clientSecret + 'x', client.ClientSecretPost(app.clientSecret + 'x'));
  client.allowInsecureRequests(wrong);
  // RFC 6749 §5.2: 401 with a WWW-Authenticate challenge naming the error.
  await assert.rejects(client.refreshTokenGrant(wrong, 'whatever'),
    (error) => error.status === 401 && error.cause?.[0]?.parameters?.error === 'invalid_client');
});
