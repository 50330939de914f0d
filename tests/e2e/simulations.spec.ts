import { expect, type Locator, type Page, test } from '@playwright/test';
import longLinks from '../unit/fixtures/links-v1-long.json' with { type: 'json' };
import {
  axeViolations,
  COLOUR_RULES,
  gotoThemed,
  openPanel,
  waitForHydration,
  watchConsole,
} from './helpers';

const ARTICLE = '/kb/q153066/';

/** Presses a control the way a keyboard user does: focus it, then Enter or Space. */
async function press(control: Locator, key: 'Enter' | 'Space' = 'Enter') {
  await control.focus();
  await control.press(key);
}

async function openArticle(page: Page, query = '', hash = '') {
  await page.goto(`${ARTICLE}${query}${hash}`);
  for (const id of ['scenario', 'compare', 'play'])
    await page.locator(`#${id} astro-island`).first().scrollIntoViewIfNeeded();
  await waitForHydration(page);
}

const player = (page: Page) => page.locator('#scenario');
const connectionsTable = (root: Locator, version: string) =>
  root.getByRole('table', {
    name: new RegExp(`Server Manager, NTSERVER on Windows NT ${version.replace('.', '\\.')}:`),
  });

async function rowsOf(table: Locator) {
  return table.locator('tbody tr').allInnerTexts();
}

test.describe('scenario player, keyboard only', () => {
  for (const version of ['3.51', '4.0'] as const) {
    test(`runs the CONNECT AS scenario to the end on NT ${version}`, async ({ page }) => {
      const errors = watchConsole(page);
      await openArticle(page);
      const root = player(page);
      await root.getByRole('radio', { name: 'NT 3.51' }).focus();
      if (version === '4.0') await page.keyboard.press('ArrowRight');
      await expect(root.getByRole('radio', { name: `NT ${version}` })).toBeChecked();
      const next = root.getByRole('button', { name: 'Next' });
      await openPanel(root, 'Server Manager');
      const table = connectionsTable(root, version);
      const licences = root.locator('.kb-licences__count');

      const seen: { narration: string; rows: string[]; licences: string }[] = [];
      for (let i = 0; i < 20; i++) {
        seen.push({
          narration: await root.locator('.kb-player__narration').innerText(),
          rows: await rowsOf(table),
          licences: await licences.innerText(),
        });
        if ((await next.getAttribute('aria-disabled')) === 'true') break;
        await press(next);
      }

      const disconnected = seen.findIndex(
        (s) => /disconnect/i.test(s.narration) && !/autodisconnect/i.test(s.narration),
      );
      expect(disconnected, 'a step where the administrator disconnects').toBeGreaterThan(0);
      const final = seen[seen.length - 1] as (typeof seen)[number];
      if (version === '3.51') {
        // From the disconnect until autodisconnect, IPC$ stays with the computer's name and its licence.
        for (const step of seen.slice(disconnected, -1)) {
          expect(step.rows).toHaveLength(1);
          expect(step.rows[0]).toMatch(/^WKS1\s+WKS1.*IPC\$/s);
          expect(step.licences).toMatch(/1 of 5/);
        }
        expect(final.rows).toEqual([expect.stringMatching(/No connections/)]);
        expect(final.licences).toMatch(/0 of 5/);
      } else {
        for (const step of seen.slice(disconnected)) {
          expect(step.rows).toEqual([expect.stringMatching(/No connections/)]);
          expect(step.licences).toMatch(/0 of 5/);
        }
        expect(seen.some((s) => s.rows.some((r) => r.includes('IPC$')))).toBe(false);
      }
      // Each step links to the sentence of the article it demonstrates.
      const anchor = root.getByRole('link', { name: /In the article/ });
      const href = (await anchor.getAttribute('href')) ?? '';
      await expect(page.locator(href)).toHaveCount(1);
      await press(root.getByRole('button', { name: 'Reset' }));
      await expect(root.locator('.kb-player__position')).toContainText('Step 1 of');
      expect(errors).toEqual([]);
    });
  }
});

test('Tab alone reaches the scenario player, and Space steps it forward', async ({ page }) => {
  await openArticle(page);
  const next = player(page).getByRole('button', { name: 'Next' });

  let reached = false;
  for (let i = 0; i < 150 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await next.evaluate((el) => el === document.activeElement);
  }
  expect(reached, 'Next is reachable with Tab').toBe(true);
  await page.keyboard.press('Space');

  await expect(player(page).locator('.kb-player__position')).toContainText('Step 2 of');
  await expect(next).toBeFocused();
});

test('“Open this moment side by side” moves to that moment without a reload, and Back returns to the step', async ({
  page,
}) => {
  await openArticle(page);
  await page.evaluate(() => {
    (window as unknown as { sameDocument: boolean }).sameDocument = true;
  });
  for (let i = 0; i < 3; i++) await press(player(page).getByRole('button', { name: 'Next' }));
  await expect(player(page).locator('.kb-player__position')).toContainText('Step 4 of');
  await expect(page).toHaveURL(/[?&]scenario=4(&|#|$)/);
  const stepTime = (await player(page).locator('.kb-player__position time').innerText()).trim();

  await press(player(page).getByRole('link', { name: 'Open this moment side by side' }));

  await expect(page).toHaveURL(/[?&]compare=[^&#]+.*#compare$/);
  await expect(page.locator('#compare .kb-clock__value')).toHaveText(stepTime);
  await expect(page.locator('#compare-title')).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(
    true,
  );

  await page.goBack();
  await expect(player(page).locator('.kb-player__position')).toContainText('Step 4 of');
  await page.reload();
  await player(page).scrollIntoViewIfNeeded();
  await waitForHydration(page, '#scenario');
  await expect(player(page).locator('.kb-player__position')).toContainText('Step 4 of');
});

test('browser Back undoes a jump to an anchor, not what the reader did in the simulations since', async ({
  page,
}) => {
  await openArticle(page);
  await press(player(page).getByRole('link', { name: /^In the article:/ }));
  await expect(page).toHaveURL(/#symptom/);
  const play = page.locator('#play');
  await play.scrollIntoViewIfNeeded();
  await press(play.getByRole('button', { name: '+5 min' }));
  await expect(play.locator('.kb-clock__value')).toHaveText('00:05:00');

  await page.goBack();

  await expect(play.locator('.kb-clock__value')).toHaveText('00:05:00');
  await expect(page).toHaveURL(/[?&]play=/);
  await expect(page).not.toHaveURL(/[?&](compare|scenario)=/);
});

test('a scenario step the scenario does not have starts at step 1 with a notice', async ({ page }) => {
  await openArticle(page, '?scenario=99');

  await expect(player(page).getByRole('alert')).toContainText('does not have');
  await expect(player(page).locator('.kb-player__position')).toContainText('Step 1 of');
  await expect(page).not.toHaveURL(/scenario=/);
});

test.describe('side by side', () => {
  test('one tape, one clock: 3.51 keeps IPC$ and its licence, 4.0 does not, until autodisconnect', async ({
    page,
  }) => {
    await openArticle(page);
    const root = page.locator('#compare');
    const slider = root.getByRole('slider', { name: 'Time' });

    await slider.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('PageUp');
    await expect(slider).toHaveAttribute('aria-valuetext', '20 minutes after the start');
    await page.keyboard.press('Home');

    await press(root.getByRole('button', { name: '+5 min' }));
    await expect(slider).toHaveAttribute('aria-valuetext', '5 minutes after the start');
    await openPanel(root, 'Server Manager');
    const nt351 = await rowsOf(connectionsTable(root, '3.51'));
    const nt40 = await rowsOf(connectionsTable(root, '4.0'));
    expect(nt351.join('\n')).toMatch(/IPC\$/);
    expect(nt351.join('\n')).toMatch(/differs from NT 4\.0/);
    expect(nt40).toEqual([expect.stringMatching(/No connections/)]);

    await press(root.getByRole('button', { name: 'To the next autodisconnect' }));
    await expect(connectionsTable(root, '3.51').locator('tbody tr')).toHaveText([/No connections/]);
    await expect(slider).not.toHaveAttribute('aria-valuetext', '5 minutes after the start');
  });

  test('the address bar follows the moment, and reloading it restores that moment', async ({ page }) => {
    await openArticle(page);
    const root = page.locator('#compare');
    await press(root.getByRole('button', { name: '+5 min' }));
    await expect(page).toHaveURL(/\?compare=2\.nt-server\./);
    await openPanel(root, 'Server Manager');
    const rows = await rowsOf(connectionsTable(root, '3.51'));

    await page.reload();
    await page.locator('#compare').scrollIntoViewIfNeeded();
    await waitForHydration(page, '#compare');
    await openPanel(root, 'Server Manager');

    await expect(root.getByRole('slider', { name: 'Time' })).toHaveAttribute(
      'aria-valuetext',
      '5 minutes after the start',
    );
    expect(await rowsOf(connectionsTable(root, '3.51'))).toEqual(rows);
  });

  test('scrubbing back restores the earlier view', async ({ page }) => {
    await openArticle(page);
    const root = page.locator('#compare');
    const slider = root.getByRole('slider', { name: 'Time' });
    await press(root.getByRole('button', { name: '+5 min' }));
    await openPanel(root, 'Server Manager');
    const before = await rowsOf(connectionsTable(root, '3.51'));

    await slider.focus();
    await page.keyboard.press('End');
    const later = await rowsOf(connectionsTable(root, '3.51'));
    await page.keyboard.press('Home');
    await page.keyboard.press('PageUp');

    expect(later).not.toEqual(before);
    await expect(slider).toHaveAttribute('aria-valuetext', '5 minutes after the start');
    expect(await rowsOf(connectionsTable(root, '3.51'))).toEqual(before);
  });

  test('a copied link reopens exactly that moment', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openArticle(page);
    const root = page.locator('#compare');
    await press(root.getByRole('button', { name: '+1 min' }));
    await press(root.getByRole('button', { name: '+5 min' }));
    await openPanel(root, 'Server Manager');
    const rows = await rowsOf(connectionsTable(root, '3.51'));
    const time = await root.locator('.kb-clock__value').innerText();

    await press(root.getByRole('button', { name: 'Copy link to this moment' }));
    await expect(root.getByRole('status').last()).toContainText('Link copied');
    const url = await page.evaluate(() => navigator.clipboard.readText());
    const other = await context.newPage();
    await other.goto(url);
    await other.locator('#compare').scrollIntoViewIfNeeded();
    await waitForHydration(other, '#compare');
    const reopened = other.locator('#compare');
    await openPanel(reopened, 'Server Manager');

    expect(url).toMatch(/\?compare=2\.nt-server\.[A-Za-z0-9._~-]+#compare$/);
    await expect(reopened.locator('.kb-clock__value')).toHaveText(time);
    expect(await rowsOf(connectionsTable(reopened, '3.51'))).toEqual(rows);
  });

  test('a long link of the first format (over 8 KB) still opens its moment; copying says why it cannot be shared', async ({
    page,
  }) => {
    const errors = watchConsole(page);
    // 1,700 actions, 8,488 characters: made by the link format as first published, before links had a length limit.
    const link = longLinks[0].link;
    await openArticle(page, `?compare=${link}`, '#compare');
    const root = page.locator('#compare');
    // 254,335,262 ms after the start: 70 hours, 38 minutes, 55 seconds.
    await expect(root.locator('.kb-clock__value')).toHaveText('70:38:55');
    await expect(root.getByRole('alert')).toHaveCount(0);
    await press(root.getByRole('button', { name: 'Copy link to this moment' }));
    await expect(root.getByRole('status').last()).toContainText('longer than a new link can carry');
    // The address keeps the link the reader opened, which still opens this moment.
    expect(new URL(page.url()).searchParams.get('compare')).toBe(link);
    expect(errors).toEqual([]);
  });

  test('a long link is replayed in a worker, and shows exactly what the page shows when it replays it itself', async ({
    page,
    context,
  }) => {
    // Two pages open a 1,700-action link and read two panels each (Server Manager, then the event log,
    // loaded when opened): about 20 s on an idle 2-core machine, over Playwright's 30 s when it is busy.
    test.setTimeout(60_000);
    const errors = watchConsole(page);
    const link = longLinks[0].link;
    /** What the island shows at the link's moment: clock, both tables, both logs, the timeline. */
    const shown = async (root: Locator) => {
      await openPanel(root, 'Server Manager');
      const tables = {
        clock: await root.locator('.kb-clock__value').innerText(),
        nt351: await rowsOf(connectionsTable(root, '3.51')),
        nt40: await rowsOf(connectionsTable(root, '4.0')),
      };
      await openPanel(root, 'Event log');
      return {
        ...tables,
        logs: await root.locator('.kb-sim__live .kb-log').allInnerTexts(),
        timeline: await root.locator('.kb-sim__live .kb-tl').innerHTML(),
      };
    };
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    // What the page hears from its workers: a recording per server, or an error.
    await page.addInitScript(() => {
      const heard: string[] = [];
      Object.assign(window, { heard });
      window.Worker = class extends Worker {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          this.addEventListener('message', (e) => heard.push(`${e.data.length} recordings`));
          this.addEventListener('error', () => heard.push('error'));
        }
      };
    });
    await openArticle(page, `?compare=${link}`, '#compare');
    const root = page.locator('#compare');
    await expect(root.locator('.kb-clock__value')).toHaveText('70:38:55');
    // One worker, the NT server model's own chunk loaded a second time, and it sent both servers' replays.
    expect(workers).toEqual([expect.stringMatching(/\/_astro\/nt-server\.[\w-]+\.js$/)]);
    expect(await page.evaluate(() => (window as unknown as { heard: string[] }).heard)).toEqual([
      '2 recordings',
    ]);
    const offThread = await shown(root);

    // A browser that cannot start it replays the tape in the page, to the same moment.
    const other = await context.newPage();
    await other.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
    const without: string[] = [];
    other.on('worker', (worker) => without.push(worker.url()));
    await openArticle(other, `?compare=${link}`, '#compare');
    const inPage = other.locator('#compare');
    await expect(inPage.locator('.kb-clock__value')).toHaveText('70:38:55');
    expect(without).toEqual([]);
    expect(await shown(inPage)).toEqual(offThread);

    // Scrubbing back and playing on work from the worker's checkpoints as from the page's own.
    for (const island of [root, inPage]) {
      const slider = island.getByRole('slider', { name: 'Time' });
      await slider.focus();
      await island.page().keyboard.press('Home');
      for (let i = 0; i < 3; i++) await island.page().keyboard.press('PageUp');
      await expect(slider).toHaveAttribute('aria-valuetext', '15 minutes after the start');
    }
    expect(await shown(inPage)).toEqual(await shown(root));
    expect(errors).toEqual([]);
  });

  test('a short link replays in the page: no worker starts', async ({ page }) => {
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await openArticle(page);
    const root = page.locator('#compare');
    await press(root.getByRole('button', { name: '+5 min' }));
    await expect(page).toHaveURL(/\?compare=2\.nt-server\./);
    await page.reload();
    await page.locator('#compare').scrollIntoViewIfNeeded();
    await waitForHydration(page, '#compare');
    await expect(root.locator('.kb-clock__value')).toHaveText('00:05:00');
    expect(workers).toEqual([]);
  });

  test('a link that cannot be read shows a notice and the default scenario', async ({ page }) => {
    const errors = watchConsole(page);
    await openArticle(page, '?compare=1.%%%garbage', '#compare');
    const root = page.locator('#compare');

    await expect(root.getByRole('alert')).toContainText('This link could not be read');
    await expect(root.locator('.kb-clock__value')).toHaveText('00:00:00');
    // The unreadable link leaves the address bar, so a reload does not fail again.
    await expect(page).not.toHaveURL(/compare=/);
    await press(root.getByRole('button', { name: '+1 min' }));
    await expect(root.getByRole('alert')).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});

test('playing does not read the clock out: the only status region in the clock is its notice, empty', async ({
  page,
}) => {
  await openArticle(page);
  const clock = page.locator('#compare .kb-clock');

  await press(clock.getByRole('button', { name: 'Play' }));
  await expect(clock.locator('.kb-clock__value')).not.toHaveText('00:00:00');
  await press(clock.getByRole('button', { name: 'Pause' }));

  await expect(clock.getByRole('status')).toHaveCount(1);
  await expect(clock.getByRole('status')).toHaveText('');
});

for (const width of [320, 768, 1024, 1440, 1920]) {
  test(`side by side at ${width} px: each server's table stays inside its panel`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await openArticle(page);

    const spill = await page.locator('#compare .kb-server').evaluateAll((panels) =>
      panels.flatMap((panel) => {
        const edge = panel.getBoundingClientRect().right + 1;
        return [...panel.querySelectorAll('table, tr, th, td, button')]
          .filter((el) => el.getBoundingClientRect().right > edge)
          .map((el) => `${el.tagName.toLowerCase()} “${(el.textContent ?? '').slice(0, 30)}”`);
      }),
    );
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );

    expect(spill).toEqual([]);
    expect(overflow).toBe(0);
  });
}

test('times are set in a monospace face, so the clock does not jitter as its digits change', async ({
  page,
}) => {
  await openArticle(page);

  const face = await page
    .locator('#compare .kb-clock__value')
    .evaluate((el) => getComputedStyle(el).fontFamily);

  expect(face).toMatch(/monospace/);
});

test.describe('scenarios as presets', () => {
  test('side by side loads the licence scenario: 3.51 refuses mlee with error 71, 4.0 lets mlee in', async ({
    page,
  }) => {
    await openArticle(page);
    const root = page.locator('#compare');
    await root
      .getByRole('combobox', { name: 'Scenario' })
      .selectOption({ label: 'A leftover IPC$ connection uses up the last licence' });
    await press(root.getByRole('button', { name: 'Load it at 00:00:00' }));

    await press(root.getByRole('button', { name: '+5 min' }));

    await openPanel(root, 'Event log');
    await expect(root.getByRole('region', { name: 'Event log, NT 3.51 (side by side)' })).toContainText(
      'error 71',
    );
    await expect(root.getByRole('region', { name: 'Event log, NT 4.0 (side by side)' })).not.toContainText(
      'error 71',
    );
    await openPanel(root, 'Server Manager');
    expect((await rowsOf(connectionsTable(root, '4.0'))).join('\n')).toMatch(/WKS2\s+mlee/);
  });
});

test.describe('free play', () => {
  test('refuses an autodisconnect outside -1..65535 next to the field and sends nothing', async ({
    page,
  }) => {
    await openArticle(page);
    const root = page.locator('#play');
    const field = root.getByRole('textbox', { name: /Autodisconnect, minutes/ });
    await openPanel(root, 'Event log');
    const log = root.getByRole('region', { name: 'Event log, NT 3.51 (free play)' });
    const logBefore = await log.innerText();

    await field.fill('70000');
    await field.press('Enter');

    await expect(root.getByRole('alert')).toContainText(/65535/);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(await log.innerText()).toBe(logBefore);

    await field.fill('5');
    await field.press('Enter');
    await expect(root.getByRole('alert')).toHaveCount(0);
    await expect(log).toContainText(/5 minutes/);
  });

  test('Reset clears a refused value and its message', async ({ page }) => {
    await openArticle(page);
    const root = page.locator('#play');
    const field = root.getByRole('textbox', { name: /Autodisconnect, minutes/ });
    await field.fill('abc');
    await field.press('Enter');
    await expect(root.getByRole('alert')).toContainText(/not a whole number/);

    await press(root.getByRole('button', { name: 'Reset' }));

    await expect(root.getByRole('alert')).toHaveCount(0);
    await expect(field).toHaveValue('15');
    await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  });

  test('at the licence limit a user is refused with error 71 and Administrator is let in', async ({
    page,
  }) => {
    await openArticle(page);
    const root = page.locator('#play');
    await root.getByRole('combobox', { name: 'Per-server licences (from the start)' }).selectOption('1');
    await press(root.getByRole('button', { name: 'Connect', exact: true }));
    await root.getByRole('combobox', { name: 'Computer' }).selectOption('WKS2');

    await press(root.getByRole('button', { name: 'Connect', exact: true }));
    await openPanel(root, 'Event log');
    await expect(root.getByRole('region', { name: /Event log/ })).toContainText('error 71');
    await root.getByRole('combobox', { name: 'User (CONNECT AS)' }).selectOption('Administrator');
    await press(root.getByRole('button', { name: 'Connect', exact: true }));

    await openPanel(root, 'Server Manager');
    const rows = await rowsOf(connectionsTable(root, '3.51'));
    expect(rows.some((r) => /WKS2\s+Administrator/.test(r))).toBe(true);
    await expect(root.locator('.kb-licences__count')).toContainText('2 of 1');
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the transcripts are in the page and tell each version apart', async ({ page }) => {
    await page.goto(ARTICLE);
    const transcript = page
      .getByRole('table', { name: /what Server Manager and the licence count show/ })
      .first();
    await expect(transcript).toBeVisible();
    await expect(page.locator('.kb-sim__island').first()).toBeHidden();

    const rows = await transcript.locator('tbody tr').allInnerTexts();
    const disconnect = rows.find((r) => /disconnects from \\\\NTSERVER\\TOOLS/.test(r));
    expect(disconnect, 'a row for the disconnect').toBeDefined();
    const cells = await transcript
      .locator('tbody tr', { hasText: /disconnects from \\\\NTSERVER\\TOOLS/ })
      .first()
      .locator('td')
      .allInnerTexts();
    // What happens | 3.51 Server Manager | 3.51 licences | 4.0 Server Manager | 4.0 licences
    expect(cells[1]).toMatch(/WKS1 · WKS1 · IPC\$/);
    expect(cells[2]).toMatch(/1 of 5 in use/);
    expect(cells[3]).toMatch(/No connections/);
    expect(cells[4]).toMatch(/0 of 5 in use/);
  });

  test('no text asks the reader to press buttons that are not there; it points at the transcripts', async ({
    page,
  }) => {
    await page.goto(ARTICLE);

    await expect(page.getByText(/press Play/)).toBeHidden();
    await expect(page.getByText(/Try it/).first()).toBeHidden();
    await expect(
      page.locator('#compare').getByText(/The transcript below follows one such run/),
    ).toBeVisible();
    await expect(page.locator('#play').getByText(/The transcript below follows one run/)).toBeVisible();
  });
});

test.describe('accessibility with the simulations in several states', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`axe finds nothing in ${theme} theme after playing with every simulation`, async ({ page }) => {
      // Hydrates three simulations and runs axe twice on the largest article: 10-15 s on a quiet
      // machine, over Playwright's 30 s at a load of 15 on the shared 2-core machine (as pages.spec.ts).
      test.setTimeout(60_000);
      const errors = watchConsole(page);
      await gotoThemed(page, ARTICLE, theme);
      for (const id of ['scenario', 'compare', 'play'])
        await page.locator(`#${id} astro-island`).first().scrollIntoViewIfNeeded();
      await waitForHydration(page);
      const rules = theme === 'dark' ? COLOUR_RULES : undefined;
      expect(await axeViolations(page, undefined, rules)).toEqual([]);

      await press(player(page).getByRole('button', { name: 'Next' }));
      await press(player(page).getByRole('button', { name: 'Next' }));
      await press(page.locator('#compare').getByRole('button', { name: '+5 min' }));
      const play = page.locator('#play');
      await play.getByRole('textbox', { name: /Autodisconnect/ }).fill('abc');
      await play.getByRole('textbox', { name: /Autodisconnect/ }).press('Enter');
      await press(play.getByRole('button', { name: 'Connect', exact: true }));
      // What playing changed: the simulations (the page around them was checked above).
      expect(await axeViolations(page, '[data-simulation]', rules)).toEqual([]);
      expect(errors).toEqual([]);
    });
  }
});

// Review screenshots assert nothing a test elsewhere does not: outside `npm test` (the config's
// grepInvert skips @review), run on demand with `npm run test:review`.
test.describe('screenshots for review', { tag: '@review' }, () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const [device, viewport] of [
      ['desktop', { width: 1280, height: 900 }],
      ['phone', { width: 390, height: 844 }],
    ] as const) {
      test(`article, ${theme}, ${device}`, async ({ page }, testInfo) => {
        await page.setViewportSize(viewport);
        await gotoThemed(page, ARTICLE, theme);
        for (const id of ['scenario', 'compare', 'play'])
          await page.locator(`#${id} astro-island`).first().scrollIntoViewIfNeeded();
        await waitForHydration(page);
        await press(page.locator('#compare').getByRole('button', { name: '+5 min' }));
        const path = testInfo.outputPath(`article-${theme}-${device}.png`);
        await page.screenshot({ path, fullPage: true });
        await testInfo.attach(`article-${theme}-${device}`, { path, contentType: 'image/png' });
        await expect(page.locator('#compare')).toBeVisible();
      });
    }
  }
});

test('printing shows the transcripts, even one folded away, and hides the controls', async ({ page }) => {
  await page.goto(ARTICLE);
  // With scripts running the transcripts start folded (pictures.spec.ts); paper shows them all the same.
  await expect(page.locator('#compare details.kb-transcript')).not.toHaveAttribute('open');
  await page.emulateMedia({ media: 'print' });

  await expect(page.locator('.kb-sim__island').first()).toBeHidden();
  const transcripts = page.getByRole('table', { name: /what Server Manager and the licence count show/ });
  await expect(transcripts).toHaveCount(3);
  for (const table of await transcripts.all()) await expect(table).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next' })).toBeHidden();
});
