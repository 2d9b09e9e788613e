// The Bookstore samples, built and started as real Next.js apps, signing in through the real host and the demo
// provider in headless Chromium: the guide's Auth.js v5 auth.ts, the guide's NextAuth v4 provider block as
// written, and single sign-on between the two.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startWorld } from '../../support/world.mjs';
import { build, samples, start } from '../support/samples.mjs';
import { at, continueAtDemo, launch, navigate, screenshot, signInAgain, signInThroughDemo, signOutOfApp, visitor } from '../support/browser.mjs';

let world;
let browser;
let v5;
let v4;
const visitors = [];

before(async () => {
  // The builds take the longest: they run while the host, the demo provider and Chromium start.
  // Settled before judging, so that after() finds and stops whatever did start.
  const steps = await Promise.allSettled([
    build(samples.v5), build(samples.v4), startWorld().then((w) => { world = w; }), launch().then((b) => { browser = b; }),
  ]);
  const failed = steps.find((step) => step.status === 'rejected');
  if (failed) throw failed.reason;
  [v5, v4] = await Promise.all([start(world, samples.v5), start(world, samples.v4)]);
}, { timeout: 300_000 });

afterEach(async (t) => {
  // Where the browser stood when a test failed, kept as an artifact.
  if (t.passed === false) {
    for (const [i, who] of visitors.entries()) await screenshot(who, `failure-${t.name.slice(0, 40).replace(/\W+/g, '-')}-${i}`).catch(() => {});
  }
  await Promise.all(visitors.splice(0).map((who) => who.context.close()));
});

after(async () => {
  await browser?.close();
  await world?.stop();
});

async function newVisitor() {
  const who = await visitor(browser);
  visitors.push(who);
  return who;
}

const wentToProvider = (who, from = 0) =>
  who.requests.slice(from).some((r) => r.isNavigationRequest() && r.url().startsWith(`${world.demoOrigin}/authorize?`));

test('Auth.js v5 Bookstore: signs in through the demo provider, shows the upstream name, email and picture, signs out and in again', { timeout: 120_000 }, async () => {
  const who = await newVisitor();
  const person = { name: 'Ada Lovelace', email: 'ada@example.com' };

  await signInThroughDemo(who, world, v5, person);
  assert.ok(wentToProvider(who), 'the first sign-in went through the demo provider');
  await screenshot(who, 'bookstore', { docs: true });

  await signOutOfApp(who, v5);
  const mark = who.requests.length;
  // Our session still stands, so the issuer answers at once: no sign-in page, no provider.
  await signInAgain(who, world, v5, person);
  assert.ok(!wentToProvider(who, mark), 'signing in again reused our session');
});

test('NextAuth v4 Bookstore (the guide\'s provider block as written): signs in, shows name, email and picture, signs out and in again', { timeout: 120_000 }, async () => {
  const who = await newVisitor();
  const person = { name: 'Grace Hopper', email: 'grace@example.com' };

  await signInThroughDemo(who, world, v4, person);
  assert.ok(wentToProvider(who), 'the first sign-in went through the demo provider');

  await signOutOfApp(who, v4);
  await signInAgain(who, world, v4, person);
});

test('single sign-on: signed in to one Bookstore, the other signs in without the provider; /oidc/session/end ends it', { timeout: 120_000 }, async () => {
  const who = await newVisitor();
  const person = { name: 'Katherine Johnson', email: 'katherine@example.com' };
  await signInThroughDemo(who, world, v5, person);
  assert.ok(wentToProvider(who), 'the first app\'s sign-in went through the demo provider');

  // The second app: through our /oidc/auth and back, and not one request to the provider's origin on the way.
  await who.page.goto(`${v4.origin}/`);
  let mark = who.requests.length;
  await signInAgain(who, world, v4, person);
  const trip = who.requests.slice(mark);
  const callback = trip.findIndex((r) => r.url().startsWith(`${v4.origin}/api/auth/callback/logto?`));
  assert.ok(callback > 0, 'the second app received a callback');
  const signIn = trip.slice(0, callback).map((r) => r.url());
  assert.ok(signIn.some((url) => url.startsWith(`${world.issuer}/auth?`)), 'the second sign-in went through our issuer');
  assert.deepEqual(signIn.filter((url) => new URL(url).origin === world.demoOrigin), [], 'no request reached the demo provider');
  assert.ok(!signIn.some((url) => url.startsWith(`${world.origin}/sign-in`)), 'our sign-in page was not shown');
  // Afterwards the page shows the user's picture, which the demo provider serves; nothing else went there.
  const later = trip.slice(callback).filter((r) => new URL(r.url()).origin === world.demoOrigin)
    .filter((r) => !(r.resourceType() === 'image' && new URL(r.url()).pathname.startsWith('/avatar/')));
  assert.deepEqual(later.map((r) => r.url()), [], 'only the picture came from the demo provider\'s origin');

  // RP-initiated logout at our issuer ends our session and returns to the registered post-logout URI.
  const endSession = `${world.issuer}/session/end?${new URLSearchParams({ client_id: v4.clientId, post_logout_redirect_uri: v4.origin })}`;
  await navigate(who, `${v4.name} after /oidc/session/end`, at(v4.origin, '/'), () => who.page.goto(endSession), v4);

  // The app's own session is the app's: sign out of it, and the next sign-in must meet the provider again.
  await signOutOfApp(who, v4);
  mark = who.requests.length;
  await navigate(who, 'our sign-in page (the session has ended)', at(world.origin, '/sign-in'),
    () => who.page.getByRole('button', { name: 'Sign In', exact: true }).click(), v4);
  await continueAtDemo(who, world, v4, person);
  assert.ok(wentToProvider(who, mark), 'after the session ended, sign-in went to the provider again');
});
