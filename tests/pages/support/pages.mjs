// The end-user pages in Debian's headless Chromium (playwright-core, never a downloaded browser): the world of
// tests/support (host, demo provider, throwaway database) with a second connector, logos served from loopback,
// axe-core run inside each page, and the sign-in experience switched over the admin API between runs.
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { admin, root } from '../../support/world.mjs';

export const artifacts = `${root}/tests/pages/artifacts`;
export const updateDocs = process.env.CONNECTORS_UPDATE_DOCS === '1';
export const widths = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 800 } };
const step = 15_000; // the longest one navigation or wait may take, so that a wrong turn fails rather than hangs

// axe-core's bundle, evaluated in the page through the DevTools protocol: page.addScriptTag would add an inline
// <script>, which our CSP (rightly) refuses, and the pages are tested under the CSP their visitors get.
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export function launch() {
  return chromium.launch({
    executablePath: process.env.CONNECTORS_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--font-render-hinting=none'],
  });
}

/**
 * The logos the pages show, on a loopback port of their own (the host's CSP lets loopback images in when
 * AllowInsecureEndpoints is on, as in tests; the presets' logos under /assets/logos/ are not in this tree).
 */
export async function serveLogos() {
  const folder = `${import.meta.dirname}/logos`;
  const server = createServer((request, response) => {
    const name = /^\/([a-z-]+\.svg)$/.exec(request.url ?? '')?.[1];
    try {
      const svg = name ? readFileSync(`${folder}/${name}`) : null;
      response.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'max-age=600' }).end(svg);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { url: (name) => `${origin}/${name}.svg`, close: () => new Promise((done) => server.close(done)) };
}

/** The demo connector gets its logos, and a second connector (on the demo provider too) is added beside it. */
export async function addConnectors(world, logos) {
  await admin(world, 'PATCH', '/api/connectors/demo', { logoUrl: logos.url('demo'), logoDarkUrl: logos.url('demo-dark') });
  await admin(world, 'POST', '/api/connectors', {
    id: 'acme', name: 'Acme ID', logoUrl: logos.url('acme'), logoDarkUrl: logos.url('acme-dark'),
    config: {
      authorizationEndpoint: `${world.demoOrigin}/authorize`, tokenEndpoint: `${world.demoOrigin}/token`,
      userInfoEndpoint: `${world.demoOrigin}/userinfo`, clientId: 'acme', clientSecret: 'acme-secret',
      profileMap: { id: 'sub', name: 'name' },
    },
  });
}

/** The whole sign-in experience (PUT replaces it): both connectors, the brand logo, the legal links, and `branding`. */
export async function setExperience(world, logos, branding = {}) {
  await admin(world, 'PUT', '/api/sign-in-experience', {
    connectors: ['demo', 'acme'],
    branding: { displayName: 'Northwind', logoUrl: logos.url('northwind'), logoDarkUrl: logos.url('northwind-dark'), ...branding },
    termsUrl: 'https://example.com/terms', privacyUrl: 'https://example.com/privacy',
  });
}

/**
 * A visitor: its own cookies, the given viewport and system colour scheme, and every CSP report or page error
 * kept in `problems` (the stylesheet and logos must load under the CSP; no page has a script to fail).
 */
export async function visitor(browser, { viewport = widths.desktop, colorScheme = 'light', locale = 'en-US', storageState } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, locale, storageState, reducedMotion: 'reduce' });
  context.setDefaultTimeout(step);
  context.setDefaultNavigationTimeout(step);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    // An error page's own 4xx status is reported as a failed load; it is the page under test, not a problem.
    const ownStatus = message.text().startsWith('Failed to load resource') && message.location().url === page.url();
    if (message.type() === 'error' && !ownStatus) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('requestfailed', (request) => problems.push(`${request.url()}: ${request.failure()?.errorText}`));
  return { context, page, problems };
}

/** Opens `url` and waits until its stylesheets and images are in (a page's own load event). */
export async function open(who, url, expectedStatus = 200) {
  who.problems.length = 0;
  const response = await who.page.goto(url, { waitUntil: 'load' });
  assert.equal(response?.status(), expectedStatus, `${url} answered ${response?.status()}`);
  await who.page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0), null, { timeout: step })
    .catch(() => assert.fail(`${url}: an image did not load: ${who.problems.join('; ')}`));
}

/**
 * axe-core's findings in the page, all rules of its default set (WCAG 2.0–2.2 A/AA and best practices). Returns
 * the violations; the caller asserts that none is serious or critical.
 */
export async function axe(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary?.replaceAll('\n', ' ')}`),
    }));
  });
}

export const format = (violations) => violations
  .map((v) => `  [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `      ${n}`).join('\n')}`).join('\n');

/**
 * What the layout must hold at every width: no horizontal scrolling, the card centred in the viewport, at most
 * ~70 characters to a line; and the scheme the page was drawn in (the card's background luminance).
 */
export async function layout(page) {
  return page.evaluate(() => {
    const card = document.querySelector('main.card').getBoundingClientRect();
    const rgb = getComputedStyle(document.querySelector('main.card')).backgroundColor.match(/[\d.]+/g).map(Number);
    const body = getComputedStyle(document.body);
    const ch = parseFloat(body.fontSize) * 0.5; // about one average character of a sans-serif face
    return {
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      offCentre: Math.abs(card.left - (window.innerWidth - card.right)),
      charactersPerLine: Math.round(card.width / ch),
      dark: (rgb[0] + rgb[1] + rgb[2]) / 3 < 128,
    };
  });
}

/**
 * The focused element's focus indicator: its outline (or box-shadow) and the contrast of the outline's colour
 * with the background behind it (WCAG 2.2 1.4.11 asks 3:1). Colours come back from getComputedStyle as rgb().
 */
export async function focusRing(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    const channels = (color) => color.match(/[\d.]+/g).slice(0, 3).map(Number);
    const luminance = (color) => {
      const [r, g, b] = channels(color).map((v) => v / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    let behind = element.parentElement;
    while (behind && /rgba\(0, 0, 0, 0\)|transparent/.test(getComputedStyle(behind).backgroundColor)) behind = behind.parentElement;
    const background = getComputedStyle(behind ?? document.body).backgroundColor;
    const [a, b] = [luminance(style.outlineColor), luminance(background)];
    return {
      tag: element.tagName.toLowerCase(), text: element.textContent.trim(),
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, boxShadow: style.boxShadow,
      visible: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none',
      contrast: Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100,
    };
  });
}

/** Where the browser is and what it shows, for failure messages. */
export async function where(who) {
  const text = await who.page.locator('body').innerText({ timeout: 2000 }).catch(() => '(no page)');
  return `the browser is at ${who.page.url()}\n--- page ---\n${text.slice(0, 1200)}`;
}

/**
 * Keeps a PNG as an artifact, and for the README (docs/screenshots/{name}.png) when CONNECTORS_UPDATE_DOCS=1.
 * `around: true` keeps the card and the links under it with a margin of page (the rest of a wide window is empty).
 */
export async function screenshot(page, name, { docs = false, around = false } = {}) {
  mkdirSync(artifacts, { recursive: true });
  const clip = around ? await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('body > *')].map((element) => element.getBoundingClientRect());
    const [top, bottom] = [Math.min(...boxes.map((b) => b.top)), Math.max(...boxes.map((b) => b.bottom))];
    const [left, right] = [Math.min(...boxes.map((b) => b.left)), Math.max(...boxes.map((b) => b.right))];
    const x = Math.max(0, Math.floor(left - 96)), y = Math.max(0, Math.floor(top - 48));
    return { x, y, width: Math.min(window.innerWidth, Math.ceil(right + 96)) - x, height: Math.min(window.innerHeight, Math.ceil(bottom + 48)) - y };
  }) : undefined;
  const png = await page.screenshot({ clip, animations: 'disabled' });
  writeFileSync(`${artifacts}/${name}.png`, png);
  if (docs && updateDocs) writeFileSync(`${root}/docs/screenshots/${name}.png`, png);
}
