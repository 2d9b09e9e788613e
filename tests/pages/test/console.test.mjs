// Issue 15: every console page accessible — axe-core finds nothing serious or critical, light and dark, at 375 and
// 1280 px — and the console usable by keyboard alone: sign in with the key, send a form, land on its errors.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { admin, startWorld } from '../../support/world.mjs';
import { axe, format, launch, open, visitor, widths } from '../support/pages.mjs';

let world, browser, operator, appId, userId;

before(async () => {
  world = await startWorld();
  browser = await launch();
  appId = (await admin(world, 'POST', '/api/apps', { name: 'Bookstore', redirectUris: ['http://localhost:3000/api/auth/callback/logto'] })).id;
  // A user, so the users, audit and dashboard pages have rows to show.
  const who = await visitor(browser);
  await open(who, `${world.origin}/sign-in/demo`);
  await who.page.waitForURL((url) => url.origin === world.demoOrigin);
  await who.page.getByLabel('Your name').fill('Ada Lovelace');
  await who.page.getByLabel('Email (optional)').fill('ada@example.com');
  await who.page.getByRole('button', { name: 'Sign in' }).click();
  await who.page.waitForURL(`${world.origin}/account`);
  await who.context.close();
  [{ id: userId }] = await admin(world, 'GET', '/api/users?search=ada@example.com');
  // The operator's console session, reused by every look.
  const key = await visitor(browser);
  await signInWithKey(key);
  operator = await key.context.storageState();
  await key.context.close();
});

after(async () => {
  await browser?.close();
  await world?.stop();
});

async function signInWithKey(who) {
  await open(who, `${world.origin}/console/sign-in`);
  await who.page.getByLabel('Admin key').fill(world.adminKey);
  await who.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await who.page.waitForURL(`${world.origin}/console`);
}

const pages = () => [
  '/console', '/console/connectors', '/console/connectors/new', '/console/connectors/new/oauth2', '/console/connectors/demo',
  '/console/sign-in-experience', '/console/applications', '/console/applications/new', `/console/applications/${appId}`,
  '/console/users', `/console/users/${userId}`, '/console/audit', '/console/sign-in',
];

for (const scheme of ['light', 'dark']) {
  test(`axe: every console page in ${scheme}, at 375 and 1280 px`, async (t) => {
    const reports = await Promise.all(Object.values(widths).map(async (viewport) => {
      const who = await visitor(browser, { viewport, colorScheme: scheme, storageState: operator });
      const notes = [], failures = [];
      try {
        for (const path of pages()) {
          const where = `${path} at ${viewport.width} px`;
          await open(who, world.origin + path);
          const violations = await axe(who.page);
          const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          const overflow = await who.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          notes.push(`${where}: ${blocking.length} serious/critical, ${violations.length - blocking.length} minor/moderate`);
          if (blocking.length) failures.push(`${where}: axe found\n${format(blocking)}`);
          if (overflow > 0) failures.push(`${where}: scrolls sideways by ${overflow} px`);
          if (who.problems.length) failures.push(`${where}: ${who.problems.join('; ')}`);
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

test('keyboard only: sign in with the key, open the OAuth2 form, send it empty, the focus on what to fix', async () => {
  const who = await visitor(browser, { viewport: widths.desktop });
  const { page } = who;
  try {
    await open(who, `${world.origin}/console/sign-in`);
    const key = page.getByLabel('Admin key');
    for (let presses = 0; presses < 10 && !(await key.evaluate((e) => e === document.activeElement)); presses++) await page.keyboard.press('Tab');
    assert.ok(await key.evaluate((e) => e === document.activeElement), 'Tab never reached the admin key field');
    await page.keyboard.type(world.adminKey);
    await Promise.all([page.waitForURL(`${world.origin}/console`), page.keyboard.press('Enter')]);

    await open(who, `${world.origin}/console/connectors/new/oauth2`);
    const save = page.getByRole('button', { name: 'Save and Done' });
    for (let presses = 0; presses < 80 && !(await save.evaluate((e) => e === document.activeElement)); presses++) await page.keyboard.press('Tab');
    assert.ok(await save.evaluate((e) => e === document.activeElement), 'Tab never reached "Save and Done"');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForFunction(() => document.activeElement?.closest('[role=alert], .error-summary') !== null, null, { timeout: 5000 });
    const summary = await page.evaluate(() => document.activeElement.closest('[role=alert], .error-summary').textContent);
    assert.match(summary, /problem/);
  } finally {
    await who.context.close();
  }
});
