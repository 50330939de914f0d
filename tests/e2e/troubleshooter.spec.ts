import { expect, type Locator, type Page, test } from '@playwright/test';
import { simulate } from '../../src/machines';
import { decode } from '../../src/machines/nt-server/link';
import { axeViolations, gotoThemed, waitForHydration, watchConsole } from './helpers';

/** Presses Tab until `target` has focus: the way a keyboard user gets there. */
async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

async function openTroubleshooter(page: Page, query = '') {
  const errors = watchConsole(page);
  await page.goto(`/troubleshooter/${query}`);
  await waitForHydration(page);
  return errors;
}

const island = (page: Page) => page.locator('.kb-ts__island');
const radio = (page: Page, question: string, value: string) =>
  island(page).locator(`input[name="ts-${question}"][value="${value}"]`);
const next = (page: Page) => island(page).getByRole('button', { name: 'Next' });

/** Answers the question on screen by keyboard: Tab into the group, arrows to the choice, Tab to Next, Enter. */
async function choose(page: Page, question: string, value: string, arrows: number) {
  await tabTo(page, island(page).locator(`input[name="ts-${question}"]`).first());
  for (let i = 0; i < arrows; i++) await page.keyboard.press('ArrowDown');
  if (arrows === 0) await page.keyboard.press('Space');
  await expect(radio(page, question, value)).toBeChecked();
  await tabTo(page, next(page));
  await page.keyboard.press('Enter');
}

async function expectFocusedHeading(page: Page, text: string | RegExp) {
  const focused = page.locator(':focus');
  await expect(focused).toHaveText(text);
  await expect(focused).toHaveClass(/kb-ts__title/);
}

function simulationState(href: string) {
  const url = new URL(href, 'http://localhost');
  const islandId = url.hash.slice(1);
  const decoded = decode(url.searchParams.get(islandId) ?? '');
  if (!decoded.ok) throw new Error(decoded.error.message);
  return { islandId, ...decoded.value };
}

test.describe('troubleshooter by keyboard', () => {
  test('NT 3.51, a computer name, error 71: licence held; copy the summary', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const errors = await openTroubleshooter(page);

    await choose(page, 'see', 'leftover', 0);
    await expectFocusedHeading(page, /Which version/i);
    await choose(page, 'version', '3.51', 1);
    await expectFocusedHeading(page, /What is listed as the user/i);
    await choose(page, 'shown', 'computer', 1);
    await expectFocusedHeading(page, /licences used up/i);
    await choose(page, 'licences', 'yes', 0);
    await expectFocusedHeading(page, /autodisconnect value/i);

    // An invalid value is refused with the reason, and the question stays.
    const field = island(page).getByLabel(/Autodisconnect, in minutes/);
    await tabTo(page, field);
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await expect(island(page).getByRole('alert')).toContainText('not a whole number');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toBeFocused();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('20');
    await page.keyboard.press('Enter');

    const result = island(page).locator('[data-result]');
    await expect(result).toHaveAttribute('data-result', 'licence-held');
    await expectFocusedHeading(page, /holding a licence/i);
    await expect(page).toHaveURL(/\/troubleshooter\/\?v=3\.51&shown=computer&lic=yes&ad=20$/);

    const resolution = result.locator('a[data-link="resolution"]');
    await expect(resolution).toHaveAttribute('href', '/kb/q153066/#resolution-stop-logging');
    const sim = simulationState(
      (await result.locator('a[data-link="simulation"]').getAttribute('href')) ?? '',
    );
    expect(sim.islandId).toBe('play');
    expect(sim.config).toMatchObject({ version: '3.51', autodisconnectMinutes: 20, licenseLimit: 1 });
    const view = simulate(sim.config, sim.tape, sim.at);
    expect(view.connections.find((c) => c.share === 'IPC$')?.shownUser).toBe('WKS1');
    expect(view.log.some((e) => e.error === 71)).toBe(true);

    await tabTo(page, result.getByRole('button', { name: 'Copy summary' }));
    await page.keyboard.press('Enter');
    await expect(result.getByRole('status')).toHaveText(/copied/i);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(
      'LiveKB troubleshooter (KB Q153066): A leftover IPC$ connection is holding a licence',
    );
    expect(copied).toContain('- Autodisconnect: 20 minutes');
    expect(copied).toMatch(/stop the License Logging service/);
    expect(copied).toContain('/kb/q153066/#resolution-stop-logging');
    expect(copied).toContain('/troubleshooter/?v=3.51&shown=computer&lic=yes&ad=20');
    await expect(result.getByLabel('Summary for a ticket')).toHaveValue(copied);
    expect(errors).toEqual([]);
  });

  test('NT 4.0, a computer name: not this article; Back and Restart', async ({ page }) => {
    const errors = await openTroubleshooter(page);

    await choose(page, 'see', 'leftover', 0);
    await choose(page, 'version', '4.0', 2);
    await choose(page, 'shown', 'computer', 1);
    await choose(page, 'licences', 'no', 1);

    const result = island(page).locator('[data-result]');
    await expect(result).toHaveAttribute('data-result', 'nt4-not-this');
    await expect(result.locator('a[data-link="resolution"]')).toHaveAttribute(
      'href',
      '/kb/q153066/#resolution-nt4',
    );
    const href = (await result.locator('a[data-link="simulation"]').getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/kb\/q153066\/\?compare=[^#]+#compare$/);

    // Back returns to the last question with the previous answer still chosen.
    await tabTo(page, result.getByRole('button', { name: 'Back' }));
    await page.keyboard.press('Enter');
    await expectFocusedHeading(page, /licences used up/i);
    await expect(radio(page, 'licences', 'no')).toBeChecked();
    await expect(page).toHaveURL(/\?v=4\.0&shown=computer$/);

    await tabTo(page, island(page).getByRole('button', { name: 'Restart' }));
    await page.keyboard.press('Enter');
    await expectFocusedHeading(page, /What do you see/i);
    await expect(page).toHaveURL(/\/troubleshooter\/$/);
    expect(errors).toEqual([]);
  });

  test('the browser’s Back and Forward move between questions and keep the answers', async ({ page }) => {
    await page.goto('/');
    const errors = await openTroubleshooter(page);
    const heading = (name: RegExp) => island(page).getByRole('heading', { name });
    await choose(page, 'see', 'leftover', 0);
    await choose(page, 'version', '3.51', 1);
    await choose(page, 'shown', 'computer', 1);
    await expect(heading(/licences used up/i)).toBeFocused();
    await expect(page).toHaveURL(/\/troubleshooter\/\?v=3\.51&shown=computer$/);

    await page.goBack();

    await expect(page).toHaveURL(/\/troubleshooter\/\?see=leftover&v=3\.51$/);
    await expect(heading(/What is listed as the user/i)).toBeFocused();
    await expect(island(page).getByRole('radio', { name: /A computer name/ })).toBeChecked();

    await page.goForward();

    await expect(page).toHaveURL(/\/troubleshooter\/\?v=3\.51&shown=computer$/);
    await expect(heading(/licences used up/i)).toBeFocused();

    await page.goBack();
    await page.goBack();

    await expect(page).toHaveURL(/\/troubleshooter\/\?see=leftover$/);
    await expect(heading(/Which version/i)).toBeFocused();
    await expect(island(page).getByRole('radio', { name: 'Windows NT Server 3.51' })).toBeChecked();
    expect(errors).toEqual([]);
  });

  test('a user name with files open: in use; the shared URL reopens the same result', async ({ page }) => {
    const errors = await openTroubleshooter(page);
    await choose(page, 'see', 'leftover', 0);
    await choose(page, 'version', '3.5', 0);
    await choose(page, 'shown', 'user', 0);
    await choose(page, 'licences', 'no', 1);
    await choose(page, 'files', 'yes', 0);
    const result = island(page).locator('[data-result]');
    await expect(result).toHaveAttribute('data-result', 'share-in-use');
    // The address bar follows the answers after the view renders: wait for the last one.
    await expect(page).toHaveURL(/[?&]files=yes/);
    const shared = page.url();
    const title = await result.locator('h3').textContent();

    const other = await page.context().newPage();
    const otherErrors = watchConsole(other);
    await other.goto(shared);
    await waitForHydration(other);
    const reopened = other.locator('.kb-ts__island [data-result]');
    await expect(reopened).toHaveAttribute('data-result', 'share-in-use');
    await expect(reopened.locator('h3')).toHaveText(title ?? '');
    expect(errors).toEqual([]);
    expect(otherErrors).toEqual([]);
  });

  test('the result’s simulation link opens the article’s simulator at that state', async ({ page }) => {
    const errors = await openTroubleshooter(page, '?v=3.51&shown=computer&lic=yes&ad=15');
    const link = island(page).locator('a[data-link="simulation"]');
    await tabTo(page, link);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/kb\/q153066\/\?play=[^#]+#play$/);
    const play = page.locator('#play');
    await play.scrollIntoViewIfNeeded();
    await waitForHydration(page, '#play');
    await expect(play).toContainText(/00:00:40/);
    await expect(play).toContainText(/error 71/i);
    await expect(play).not.toContainText(/could not be read/i);
    expect(errors).toEqual([]);
  });

  test('a link it cannot read starts afresh with a notice', async ({ page }) => {
    const errors = await openTroubleshooter(page, '?v=9&shown=computer');
    await expect(island(page).getByRole('status').first()).toContainText('starts afresh');
    await expect(island(page).getByRole('heading', { name: /What do you see/ })).toBeVisible();
    await expect(page).not.toHaveURL(/v=9/);
    expect(errors).toEqual([]);
  });

  test('the page’s Back and the browser’s Back agree', async ({ page }) => {
    await openTroubleshooter(page);
    await choose(page, 'see', 'leftover', 0);
    await choose(page, 'version', '3.51', 1);
    await choose(page, 'shown', 'computer', 1);
    await expectFocusedHeading(page, /licences/i);

    await island(page).getByRole('button', { name: 'Back' }).click();
    await expectFocusedHeading(page, /In Server Manager/i);
    await page.goBack();

    await expectFocusedHeading(page, /Which version/i);
  });

  test('a sibling article’s result: error 71 with no leftover and a licence count too low (Q149522)', async ({
    page,
  }) => {
    const errors = await openTroubleshooter(page);
    await choose(page, 'see', 'error71', 2);
    await expectFocusedHeading(page, /Which version/i);
    await choose(page, 'version', '3.51', 1);
    await expectFocusedHeading(page, /IPC\$ connection under a computer name/i);
    await choose(page, 'ipc', 'no', 1);
    await expectFocusedHeading(page, /Licensing/i);
    await choose(page, 'limit', 'yes', 0);

    const result = island(page).locator('[data-result]');
    await expect(result).toHaveAttribute('data-result', 'licence-count-too-low');
    await expect(page).toHaveURL(/\/troubleshooter\/\?see=error71&v=3\.51&ipc=no&limit=yes$/);
    await expect(result.locator('a[data-link="resolution"]')).toHaveAttribute(
      'href',
      '/kb/q149522/#cause-licence-count',
    );
    const sim = simulationState(
      (await result.locator('a[data-link="simulation"]').getAttribute('href')) ?? '',
    );
    expect(sim.islandId).toBe('play');
    const view = simulate(sim.config, sim.tape, sim.at);
    expect(view.log.some((e) => e.error === 71)).toBe(true);
    expect(view.licenses).toMatchObject({ inUse: 1, limit: 1 });
    // Played on, Control Panel Licensing raises the count and mlee gets in.
    const end = simulate(sim.config, sim.tape, Math.max(...sim.tape.map((e) => e.at)) + 1_000);
    expect(end.licenses).toMatchObject({ inUse: 2, limit: 2 });
    await expect(result.getByLabel('Summary for a ticket')).toHaveValue(
      /LiveKB troubleshooter \(KB Q149522\)/,
    );
    expect(errors).toEqual([]);

    // The article has the passage the result names and the simulation its moment opens.
    await result.locator('a[data-link="resolution"]').click();
    await expect(page).toHaveURL(/\/kb\/q149522\/#cause-licence-count$/);
    await expect(page.locator('#cause-licence-count')).toBeVisible();
    await expect(page.locator('#play')).toHaveCount(1);
  });

  test('a sibling article’s result: Server Manager will not disconnect IPC$ (Q153070), opened at the refused Disconnect', async ({
    page,
  }) => {
    const errors = await openTroubleshooter(page);
    await choose(page, 'see', 'stuck', 1);
    await expectFocusedHeading(page, /Which version/i);
    await choose(page, 'version', '3.51', 1);
    await expectFocusedHeading(page, /autodisconnect value/i);
    const field = island(page).getByLabel(/Autodisconnect, in minutes/);
    await tabTo(page, field);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('15');
    await page.keyboard.press('Enter');
    await expectFocusedHeading(page, /licences used up/i);
    await choose(page, 'licences', 'no', 1);

    const result = island(page).locator('[data-result]');
    await expect(result).toHaveAttribute('data-result', 'ipc-stuck-wait');
    await expect(page).toHaveURL(/\/troubleshooter\/\?see=stuck&v=3\.51&ad=15&lic=no$/);
    await expect(result.locator('a[data-link="resolution"]')).toHaveAttribute(
      'href',
      '/kb/q153070/#symptom-listed-under-computer',
    );
    await expect(result).toContainText('net use \\\\NTSERVER\\IPC$ /d');
    const href = (await result.locator('a[data-link="simulation"]').getAttribute('href')) ?? '';
    const sim = simulationState(href);
    expect(sim.islandId).toBe('compare');
    const view = simulate(sim.config, sim.tape, sim.at);
    expect(view.connections.find((c) => c.share === 'IPC$')?.shownUser).toBe('WKS1');
    expect(view.log.some((e) => /Server Manager could not disconnect/.test(e.text))).toBe(true);
    expect(errors).toEqual([]);

    // The link opens Q153070's side-by-side simulation at that moment, with the refusal in its log.
    await page.goto(href);
    const compare = page.locator('#compare');
    await compare.scrollIntoViewIfNeeded();
    await waitForHydration(page, '#compare');
    await expect(compare).toContainText(/00:00:40/);
    await expect(compare).toContainText(/could not disconnect/i);
    await expect(compare).not.toContainText(/could not be read/i);
    await expect(page.locator('#symptom-listed-under-computer')).toHaveCount(1);
  });

  test('a sibling article’s result from a shared link: Sessions Errored Out at autodisconnects (Q159600)', async ({
    page,
  }) => {
    const errors = await openTroubleshooter(page, '?see=errored&v=4.0&users=no&ad=10');
    const result = island(page).locator('[data-result]');
    await expect(result).toHaveAttribute('data-result', 'errored-out-autodisconnect');
    await expect(result).toContainText('after 10 minutes with no requests');
    await expect(result.locator('a[data-link="resolution"]')).toHaveAttribute(
      'href',
      '/kb/q159600/#symptom-counts-autodisconnect',
    );
    const href = (await result.locator('a[data-link="simulation"]').getAttribute('href')) ?? '';
    const sim = simulationState(href);
    expect(sim.islandId).toBe('compare');
    expect(sim.config.autodisconnectMinutes).toBe(10);
    for (const version of ['3.51', '4.0'] as const) {
      const view = simulate({ ...sim.config, version }, sim.tape, sim.at);
      expect(view.connections).toEqual([]);
      expect(view.counters).toMatchObject({ sessionsTimedOut: 2, sessionsErroredOut: 2 });
    }
    expect(errors).toEqual([]);

    await page.goto('/kb/q159600/#symptom-counts-autodisconnect');
    await expect(page.locator('#symptom-counts-autodisconnect')).toBeVisible();
    await expect(page.locator('#compare')).toHaveCount(1);
  });

  test('a hostile link: a fixed notice that quotes nothing from the address, and the page stays 320 px wide', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const bait = `Call${'\u00a0'}support${'W'.repeat(400)}<b>now</b>`;
    const errors = watchConsole(page);
    await page.goto(`/troubleshooter/?v=3.51&shown=${encodeURIComponent(bait)}&lic=yes`);
    // On a phone the island starts below the fold: it hydrates when it scrolls into view.
    await island(page).scrollIntoViewIfNeeded();
    await waitForHydration(page);
    const notice = island(page).getByRole('status').first();
    await expect(notice).toHaveText(
      'This link’s answer for “shown” could not be used, so the troubleshooter starts afresh.',
    );
    await expect(island(page).locator('b')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText('WWWW');
    await expect(page).not.toHaveURL(/shown=/);
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1] as number);
    expect(errors).toEqual([]);
  });

  test('the question’s heading does not touch its first answer', async ({ page }) => {
    await openTroubleshooter(page);
    const title = island(page).locator('.kb-ts__title');
    const first = island(page).locator('.kb-ts__choice').first();
    const gap = await page.evaluate(
      ([a, b]) => (b as Element).getBoundingClientRect().top - (a as Element).getBoundingClientRect().bottom,
      [await title.elementHandle(), await first.elementHandle()],
    );
    expect(gap).toBeGreaterThanOrEqual(8);
  });
});

test.describe('onboarding quiz', () => {
  test('a question is checked against the simulation, by keyboard', async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto('/onboarding/');
    await page.locator('.kb-quiz').scrollIntoViewIfNeeded();
    await waitForHydration(page);
    const q = page.locator('.kb-ts__island form[data-question="q153066-shown-user"]');
    await tabTo(page, q.locator('input[type="radio"]').first());
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect(q.locator('input[value="WKS1"]')).toBeChecked();
    await tabTo(page, q.getByRole('button', { name: /Check/ }));
    await page.keyboard.press('Enter');
    await expect(q.getByRole('status')).toContainText('Right.');
    await expect(q.getByRole('status')).toContainText('The simulation shows: WKS1');

    const limit = page.locator('.kb-ts__island form[data-question="q153066-limit"]');
    await limit.locator('input[value="Connected"]').check();
    await limit.getByRole('button', { name: /Check/ }).click();
    await expect(limit.getByRole('status')).toContainText('Not quite.');
    await expect(limit.getByRole('status')).toContainText('Refused with error 71');
    expect(errors).toEqual([]);
  });
});

for (const theme of ['light', 'dark'] as const) {
  test(`troubleshooter with a result in ${theme}: axe finds no violations`, async ({ page }) => {
    const errors = watchConsole(page);
    await gotoThemed(page, '/troubleshooter/?v=3.51&shown=computer&lic=yes&ad=15', theme);
    await waitForHydration(page);
    await expect(page.locator('.kb-ts__island [data-result="licence-held"]')).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test(`troubleshooter with an error in ${theme}: axe finds no violations`, async ({ page }) => {
    const errors = watchConsole(page);
    await gotoThemed(page, '/troubleshooter/?v=3.51&shown=computer&lic=no', theme);
    await waitForHydration(page);
    const field = page.getByLabel(/Autodisconnect, in minutes/);
    await field.fill('99999');
    await field.press('Enter');
    await expect(page.getByRole('alert')).toContainText('65535');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  test(`onboarding with answers checked in ${theme}: axe finds no violations`, async ({ page }) => {
    // The page lists every article's quiz (24 questions with six articles); axe over it alone took
    // 15-25 s at a load of 18 on the shared 2-core machine, past the default 30 s with the rest.
    test.setTimeout(60_000);
    const errors = watchConsole(page);
    await gotoThemed(page, '/onboarding/', theme);
    await page.locator('.kb-quiz').scrollIntoViewIfNeeded();
    await waitForHydration(page);
    const right = page.locator('.kb-ts__island form[data-question="q153066-licences-351"]');
    await right.locator('input[value="1"]').check();
    await right.getByRole('button', { name: /Check/ }).click();
    const wrong = page.locator('.kb-ts__island form[data-question="q153066-nt4"]');
    await wrong.locator('input[value="IPC$ under WKS1"]').check();
    await wrong.getByRole('button', { name: /Check/ }).click();
    await expect(right.getByRole('status')).toContainText('Right.');
    await expect(wrong.getByRole('status')).toContainText('Not quite.');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('printing the troubleshooter gives the decision list, not the questions', async ({ page }) => {
  await openTroubleshooter(page);
  await page.emulateMedia({ media: 'print' });

  await expect(island(page)).toBeHidden();
  await expect(page.locator('.kb-ts__tree')).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the troubleshooter’s decision list leads to the right article sections', async ({ page }) => {
    await page.goto('/troubleshooter/');
    await expect(page.locator('.kb-ts__island')).toBeHidden();
    const fallback = page.locator('.kb-ts__fallback');
    await expect(fallback).toBeVisible();
    const expected: Record<string, string> = {
      'licence-held': '/kb/q153066/#resolution-stop-logging',
      'leftover-ipc-waiting': '/kb/q153066/#symptom-autodisconnect',
      'nt4-not-this': '/kb/q153066/#resolution-nt4',
      'nothing-to-fear': '/kb/q153066/#info-no-credentials',
      'share-in-use': '/kb/q153066/#info-user-shown',
      'ipc-stuck-explicit': '/kb/q153070/#resolution-explicit-ipc',
      'licence-count-too-low': '/kb/q149522/#cause-licence-count',
      'errored-out-autodisconnect': '/kb/q159600/#symptom-counts-autodisconnect',
    };
    // The list is generated from the tree: a result reached along several paths is linked from each.
    for (const [id, href] of Object.entries(expected)) {
      const links = fallback.locator(`a[data-result="${id}"]`);
      await expect(links.first()).toHaveAttribute('href', href);
      for (const link of await links.all()) await expect(link).toHaveAttribute('href', href);
    }
    await fallback.locator('a[data-result="licence-held"]').first().click();
    await expect(page).toHaveURL(/\/kb\/q153066\/#resolution-stop-logging$/);
    await expect(page.locator('#resolution-stop-logging')).toBeVisible();
  });

  test('the onboarding questions show their answers in a details element', async ({ page }) => {
    await page.goto('/onboarding/');
    await expect(page.locator('.kb-quiz .kb-ts__island')).toBeHidden();
    const item = page.locator('.kb-ts__fallback li[data-question="q153066-shown-user"]');
    await expect(item).toBeVisible();
    const details = item.locator('details');
    await expect(details.locator('p')).toBeHidden();
    await details.locator('summary').click();
    await expect(details).toContainText('The simulation shows: WKS1');
  });
});
