// Debian's headless Chromium driven by playwright-core (never a downloaded browser), one visitor per browser
// context with every request it made kept in order, and the steps a visitor takes through the Bookstore.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { root } from '../../support/world.mjs';

export const artifacts = `${root}/tests/nextjs-apps/artifacts`;
const step = 20_000; // the longest one navigation may take, so that a wrong turn fails rather than hangs

export function launch() {
  return chromium.launch({
    executablePath: process.env.CONNECTORS_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
}

/** A fresh visitor: its own cookies, and `requests`, every request its pages sent, in order. */
export async function visitor(browser) {
  const context = await browser.newContext({ viewport: { width: 960, height: 560 } });
  context.setDefaultTimeout(step);
  const requests = [];
  context.on('request', (request) => requests.push(request));
  const page = await context.newPage();
  return { context, page, requests };
}

/** The page's own URLs so far, for failure messages: where the redirects went (with any error= they carried). */
function trail(requests) {
  return requests.filter((r) => r.isNavigationRequest()).map((r) => `  ${r.method()} ${r.url()}`).slice(-12).join('\n');
}

// A committed page that says something went wrong: an error= in its URL, an /error route, or our issuer's
// /oidc/auth rendering a page instead of redirecting (it shows its error page that way).
const errorish = (url) => url.searchParams.has('error') || /\/error\b/.test(url.pathname) || url.pathname === '/oidc/auth';

/**
 * Runs `action` (a click, a goto) and waits until the main frame commits a page that `expected` accepts and that
 * was fetched by a navigation after the action began (so the page already showing, or a client-side route change,
 * does not count). Stops early on an error page; otherwise fails with where the browser is, what it shows and
 * how it got there.
 */
export async function navigate(who, description, expected, action, app) {
  const { page } = who;
  const fetched = new Set();
  let settle;
  const arrived = new Promise((resolve) => { settle = resolve; });
  const onRequest = (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) fetched.add(request.url());
  };
  const onNavigated = (frame) => {
    if (frame !== page.mainFrame()) return;
    const url = new URL(frame.url());
    if (expected(url) && fetched.has(frame.url())) settle(true);
    else if (errorish(url)) settle(false);
  };
  page.on('request', onRequest);
  page.on('framenavigated', onNavigated);
  const deadline = setTimeout(() => settle(false), step);
  try {
    await action();
    await arrived;
  } finally {
    clearTimeout(deadline);
    page.off('request', onRequest);
    page.off('framenavigated', onNavigated);
  }
  await page.waitForLoadState('load');
  if (!expected(new URL(page.url()))) await failHere(who, `expected ${description}`, app);
}

async function failHere(who, what, app) {
  const text = await who.page.locator('body').innerText({ timeout: 2000 }).catch(() => '(no page)');
  assert.fail(`${what}, but the browser is at ${who.page.url()}\n--- page ---\n${text.slice(0, 1500)}\n`
    + `--- navigations ---\n${trail(who.requests)}\n${app ? app.log() : ''}`);
}

export const at = (origin, path) => (url) => url.origin === origin && url.pathname === path;
const button = (who, name) => who.page.getByRole('button', { name, exact: true });

/** From the Bookstore's "Sign In" through our sign-in page and the demo provider's form, back signed in. */
export async function signInThroughDemo(who, world, app, person) {
  await who.page.goto(`${app.origin}/`);
  await navigate(who, 'our sign-in page', at(world.origin, '/sign-in'), () => button(who, 'Sign In').click(), app);
  await continueAtDemo(who, world, app, person);
}

/** On our sign-in page: "Continue with Demo", the provider's form, and back to the Bookstore signed in. */
export async function continueAtDemo(who, world, app, person) {
  await navigate(who, "the demo provider's form", at(world.demoOrigin, '/authorize'),
    () => who.page.getByRole('link', { name: 'Continue with Demo' }).click(), app);
  await who.page.getByLabel('Your name').fill(person.name);
  await who.page.getByLabel('Email (optional)').fill(person.email);
  await navigate(who, `the ${app.name} home page`, at(app.origin, '/'), () => button(who, 'Sign in').click(), app);
  await expectSignedIn(who, world, app, person);
}

/** "Sign In" on the Bookstore while our session stands: the issuer answers at once, back home signed in. */
export async function signInAgain(who, world, app, person) {
  await navigate(who, `the ${app.name} home page`, at(app.origin, '/'), () => button(who, 'Sign In').click(), app);
  await expectSignedIn(who, world, app, person);
}

/** The Bookstore's home page shows the upstream name, email and picture (loaded from the demo provider). */
export async function expectSignedIn(who, world, app, person) {
  const name = who.page.getByTestId('user-name');
  await name.waitFor({ timeout: step }).catch(() => {});
  if (!(await name.isVisible())) await failHere(who, `expected ${app.name} to show the signed-in user`, app);
  assert.equal(await name.innerText(), person.name);
  assert.equal(await who.page.getByTestId('user-email').innerText(), person.email);
  const picture = who.page.getByRole('img', { name: `Picture of ${person.name}` });
  assert.equal(await picture.count(), 1, `${app.name} shows the user's picture`);
  const src = await picture.getAttribute('src');
  assert.match(src, new RegExp(`^${world.demoOrigin}/avatar/[0-9a-f]{16}\\.svg$`), 'the picture is the upstream one');
  await who.page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await picture.elementHandle(), { timeout: step });
}

/** The app's own sign-out: its session cookie goes, the page shows "Sign In" again. */
export async function signOutOfApp(who, app) {
  await button(who, 'Sign Out').click();
  await button(who, 'Sign In').waitFor({ timeout: step });
  assert.equal(await who.page.getByTestId('user-name').count(), 0, `${app.name} still shows a user after signing out`);
}

export async function screenshot(who, name, { docs = false } = {}) {
  mkdirSync(artifacts, { recursive: true });
  await who.page.screenshot({ path: `${artifacts}/${name}.png` });
  if (docs && process.env.CONNECTORS_UPDATE_DOCS === '1') {
    await who.page.screenshot({ path: `${root}/docs/screenshots/${name}.png` });
  }
}
