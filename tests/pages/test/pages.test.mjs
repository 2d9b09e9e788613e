// Issue 14, part 5: the sign-in, error and account pages look right and are accessible — light and dark (the
// visitor's setting, or fixed by the branding), with a light and a dark brand colour, at 375 and 1280 px — with
// axe-core finding nothing serious or critical; a keyboard-only visitor signs in; and the README's screenshots.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { startWorld } from '../../support/world.mjs';
import {
  addConnectors, artifacts, axe, focusRing, format, launch, layout, open, screenshot, serveLogos, setExperience, visitor, where, widths,
} from '../support/pages.mjs';

let world, logos, browser, signedIn;

before(async () => {
  rmSync(artifacts, { recursive: true, force: true });
  [world, logos] = await Promise.all([startWorld(), serveLogos()]);
  [browser] = await Promise.all([launch(), addConnectors(world, logos)]);
  await setExperience(world, logos);
  // A session for the account page: one sign-in through the demo provider, its cookies reused by every look.
  const who = await visitor(browser);
  await open(who, `${world.origin}/sign-in`);
  await who.page.getByRole('link', { name: 'Continue with Demo' }).click();
  await who.page.waitForURL((url) => url.origin === world.demoOrigin && url.pathname === '/authorize');
  await who.page.getByLabel('Your name').fill('Ada Lovelace');
  await who.page.getByLabel('Email (optional)').fill('ada@example.com');
  await who.page.getByRole('button', { name: 'Sign in' }).click();
  await who.page.waitForURL(`${world.origin}/account`);
  signedIn = await who.context.storageState();
  await who.context.close();
});

after(async () => {
  await browser?.close();
  await logos?.close();
  await world?.stop();
});

const pages = [
  { name: 'sign-in', path: '/sign-in', status: 200 },
  { name: 'error', path: '/callback/demo?state=forged', status: 400 },
  { name: 'account', path: '/account', status: 200, session: true },
];

// The visitor's system setting (Playwright's colour-scheme emulation), what the branding fixes, and the colour.
const looks = [
  { name: 'auto, visitor in light', branding: {}, visitor: 'light', dark: false },
  { name: 'auto, visitor in dark', branding: {}, visitor: 'dark', dark: true },
  { name: 'branding fixes light (visitor in dark)', branding: { colorScheme: 'light' }, visitor: 'dark', dark: false },
  { name: 'branding fixes dark (visitor in light)', branding: { colorScheme: 'dark' }, visitor: 'light', dark: true },
  { name: 'brand #ffd400, light', branding: { primaryColor: '#ffd400' }, visitor: 'light', dark: false },
  { name: 'brand #ffd400, dark', branding: { primaryColor: '#ffd400' }, visitor: 'dark', dark: true },
  { name: 'brand #1a237e, light', branding: { primaryColor: '#1a237e' }, visitor: 'light', dark: false },
  { name: 'brand #1a237e, dark', branding: { primaryColor: '#1a237e' }, visitor: 'dark', dark: true },
];

for (const look of looks) {
  test(`axe: sign-in, error and account pages, ${look.name}, at 375 and 1280 px`, async (t) => {
    await setExperience(world, logos, look.branding);
    // Both widths at once (two visitors, two tabs): the host and Chromium have a core each.
    const reports = await Promise.all(Object.entries(widths).map(async ([width, viewport]) => {
      const who = await visitor(browser, { viewport, colorScheme: look.visitor, storageState: signedIn });
      const notes = [], failures = [];
      try {
        for (const page of pages) {
          const where = `${page.name} at ${viewport.width} px`;
          await open(who, world.origin + page.path, page.status);
          const violations = await axe(who.page);
          const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          const minor = violations.filter((v) => !blocking.includes(v));
          const shape = await layout(who.page);
          notes.push(`${where}: ${blocking.length} serious/critical, ${minor.length} minor/moderate${minor.length ? ` (${minor.map((v) => v.id).join(', ')})` : ''}`);
          if (blocking.length) failures.push(`${where}: axe found\n${format(blocking)}`);
          if (shape.overflow > 0) failures.push(`${where}: scrolls sideways by ${shape.overflow} px`);
          if (shape.offCentre > 2) failures.push(`${where}: the card is ${shape.offCentre} px off centre`);
          if (shape.charactersPerLine > 75) failures.push(`${where}: lines of about ${shape.charactersPerLine} characters`);
          if (shape.dark !== look.dark) failures.push(`${where}: drawn ${shape.dark ? 'dark' : 'light'}`);
          if (who.problems.length) failures.push(`${where}: ${who.problems.join('; ')}`);
          if (failures.length) await screenshot(who.page, `failed-${look.name.replace(/\W+/g, '-')}-${page.name}-${width}`);
        }
      } finally {
        await who.context.close();
      }
      return { notes, failures };
    }));
    for (const note of reports.flatMap((report) => report.notes)) t.diagnostic(note);
    const failures = reports.flatMap((report) => report.failures);
    assert.deepEqual(failures, [], failures.join('\n'));
  });
}

test('fluid: no sideways scrolling, the card centred, short lines, from 375 to 1440 px', async () => {
  await setExperience(world, logos);
  const failures = [];
  const who = await visitor(browser, { viewport: widths.phone, storageState: signedIn });
  try {
    for (const width of [375, 414, 768, 1024, 1440]) {
      await who.page.setViewportSize({ width, height: 900 });
      for (const page of pages) {
        await open(who, world.origin + page.path, page.status);
        const shape = await layout(who.page);
        if (shape.overflow > 0) failures.push(`${page.name} at ${width} px: scrolls sideways by ${shape.overflow} px`);
        if (shape.offCentre > 2) failures.push(`${page.name} at ${width} px: the card is ${shape.offCentre} px off centre`);
        if (shape.charactersPerLine > 75) failures.push(`${page.name} at ${width} px: lines of about ${shape.charactersPerLine} characters`);
      }
    }
  } finally {
    await who.context.close();
  }
  assert.deepEqual(failures, [], failures.join('\n'));
});

for (const [scheme, viewport] of [['light', widths.desktop], ['dark', widths.phone]]) {
  test(`keyboard only (${scheme}, ${viewport.width} px): Tab to "Continue with", Enter, the provider's form, signed in, signed out`, async () => {
    await setExperience(world, logos, { primaryColor: scheme === 'dark' ? '#1a237e' : '#ffd400' });
    const who = await visitor(browser, { viewport, colorScheme: scheme });
    const { page } = who;
    try {
      await open(who, `${world.origin}/sign-in`);
      const first = page.getByRole('link', { name: /^Continue with / }).first();
      const isFocused = () => first.evaluate((element) => element === document.activeElement);
      for (let presses = 0; presses < 10 && !(await isFocused()); presses++) await page.keyboard.press('Tab');
      assert.ok(await isFocused(), `Tab never reached the first "Continue with" link; ${await where(who)}`);
      const ring = await focusRing(page);
      assert.ok(ring.visible, `no visible focus indicator on "${ring.text}": outline ${ring.outline}, box-shadow ${ring.boxShadow}`);
      assert.ok(ring.contrast >= 3, `the focus ring (${ring.outline}) has ${ring.contrast}:1 against the page, not 3:1`);
      await screenshot(page, `keyboard-focus-${scheme}`);

      await Promise.all([
        page.waitForURL((url) => url.origin === world.demoOrigin && url.pathname === '/authorize'),
        page.keyboard.press('Enter'),
      ]);

      // The provider's form: its name field has autofocus; Tab moves on to the email, Enter sends the form.
      const name = page.getByLabel('Your name');
      for (let presses = 0; presses < 5 && !(await name.evaluate((element) => element === document.activeElement)); presses++) {
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('Grace Hopper');
      await page.keyboard.press('Tab');
      await page.keyboard.type('grace@example.com');
      await Promise.all([page.waitForURL(`${world.origin}/account`), page.keyboard.press('Enter')]);
      await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
      assert.ok(await page.getByText('Grace Hopper', { exact: true }).isVisible(), `not signed in as Grace Hopper; ${await where(who)}`);

      // And out again: the sign-out button by Tab, Enter.
      const signOut = page.getByRole('button', { name: 'Sign out' });
      for (let presses = 0; presses < 10 && !(await signOut.evaluate((element) => element === document.activeElement)); presses++) {
        await page.keyboard.press('Tab');
      }
      assert.ok((await focusRing(page)).visible, 'the sign-out button shows no focus');
      await Promise.all([page.waitForURL(`${world.origin}/sign-in`), page.keyboard.press('Enter')]);
    } finally {
      await who.context.close();
    }
  });
}

test('screenshots: light, dark, German, a phone, the account and an error page', async (t) => {
  await setExperience(world, logos);
  const shots = [
    { name: 'sign-in-light', path: '/sign-in', colorScheme: 'light', viewport: widths.desktop },
    { name: 'sign-in-dark', path: '/sign-in', colorScheme: 'dark', viewport: widths.desktop },
    { name: 'sign-in-de', path: '/sign-in', colorScheme: 'light', viewport: widths.desktop, locale: 'de-DE' },
    { name: 'sign-in-phone', path: '/sign-in', colorScheme: 'light', viewport: widths.phone },
    { name: 'account', path: '/account', colorScheme: 'light', viewport: widths.desktop, session: true },
    { name: 'error', path: '/callback/demo?state=forged', colorScheme: 'light', viewport: widths.desktop, status: 400 },
  ];
  for (const shot of shots) {
    const who = await visitor(browser, { ...shot, storageState: shot.session ? signedIn : undefined });
    try {
      await open(who, world.origin + shot.path, shot.status ?? 200);
      if (shot.locale) t.diagnostic(`${shot.name}: <html lang="${await who.page.getAttribute('html', 'lang')}">`);
      await screenshot(who.page, shot.name, { docs: true, around: shot.viewport !== widths.phone });
    } finally {
      await who.context.close();
    }
  }
});
