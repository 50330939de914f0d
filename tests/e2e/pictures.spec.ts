import { expect, type Locator, type Page, test } from '@playwright/test';
import { encode, type TapeEntry } from '../../src/machines';
import { openPanel, waitForHydration, watchConsole } from './helpers';

const ARTICLE = '/kb/q153066/';

async function press(control: Locator, key: 'Enter' | 'Space' = 'Enter') {
  await control.focus();
  await control.press(key);
}

async function openArticle(page: Page) {
  await page.goto(ARTICLE);
  for (const id of ['scenario', 'compare', 'play']) await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await waitForHydration(page);
}

/** The network picture of one server in the side-by-side view: 0 is NT 3.51, 1 is NT 4.0. */
const picture = (page: Page, i: 0 | 1) => page.locator('#compare .kb-sim__pictures .kb-pic').nth(i);
/** How many licence slots are drawn in use: one square (`M… h12v12h-12z`) each in the in-use path. */
const usedSlots = async (pic: Locator) =>
  ((await pic.locator('path.kb-pic__used').getAttribute('d')) ?? '').split('M').length - 1;

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('each transcript is open and draws the network at every step, with words a reader and a search index can use', async ({
    page,
  }) => {
    await page.goto(ARTICLE);
    const details = page.locator('details.kb-transcript');
    await expect(details).toHaveCount(3);
    for (const one of await details.all()) await expect(one).toHaveAttribute('open', '');

    const transcript = page.locator('#scenario details.kb-transcript');
    const pictures = transcript.locator('.kb-pic svg[role="img"]');
    expect(await pictures.count()).toBeGreaterThanOrEqual(12); // 6 steps × 2 versions
    await expect(pictures.first()).toBeVisible();
    // The step where TOOLS is disconnected: on 3.51 the leftover IPC$ line, listed under the computer name.
    const row = transcript.locator('tbody tr', { hasText: /disconnects from \\\\NTSERVER\\TOOLS/ });
    const nt351 = row.locator('.kb-pic').first();
    await expect(nt351.locator('.kb-pic__line--ipc')).toHaveCount(1);
    await expect(nt351.locator('svg text', { hasText: 'IPC$' })).toHaveCount(1);
    await expect(nt351.locator('.kb-pic__as--none')).toHaveText('as WKS1: no account');
    // The label stays in the gap between the workstation and the server (x 98 to 208 in the picture).
    const label = await nt351.locator('.kb-pic__as--none').evaluate((t) => {
      const { x, width } = (t as SVGTextElement).getBBox();
      return { x, width };
    });
    expect(label.x).toBeGreaterThanOrEqual(98);
    expect(label.x + label.width).toBeLessThanOrEqual(208);
    // Its text alternative, in real text: in the transcript, the cell's own list of what Server Manager shows.
    const described = await nt351.locator('svg').getAttribute('aria-describedby');
    await expect(page.locator(`[id="${described}"]`)).toContainText('WKS1 · WKS1 · IPC$');
    // The timeline of the whole run is there too, with its change points as a table.
    await expect(transcript.locator('.kb-tl svg')).toBeVisible();
    await expect(
      transcript.getByRole('table', {
        name: 'Timeline: when licences and connections change',
        includeHidden: true,
      }),
    ).toHaveCount(1);
  });
});

test('with JavaScript the transcripts start folded, since the live views stand in for them', async ({
  page,
}) => {
  await page.goto(ARTICLE);
  const details = page.locator('details.kb-transcript');
  await expect(details).toHaveCount(3);
  for (const one of await details.all()) await expect(one).not.toHaveAttribute('open');
  await page.locator('#scenario details.kb-transcript > summary').click();
  await expect(page.locator('#scenario details.kb-transcript')).toHaveAttribute('open', '');
});

test('side by side: the pictures move with the clock, at 00:02 the IPC$ line and its licence on 3.51, at 00:17 gone', async ({
  page,
}) => {
  const errors = watchConsole(page);
  await openArticle(page);
  const root = page.locator('#compare');
  const nt351 = picture(page, 0);
  const nt40 = picture(page, 1);

  await press(root.getByRole('button', { name: '+1 min' }));
  await press(root.getByRole('button', { name: '+1 min' }));
  await expect(root.locator('.kb-clock__value')).toHaveText('00:02:00');

  // 3.51: WKS1 holds only the leftover IPC$, dashed, listed under the computer name, one licence taken.
  await expect(nt351.locator('.kb-pic__line')).toHaveCount(1);
  await expect(nt351.locator('.kb-pic__line--ipc.kb-pic__line--leftover')).toHaveCount(1);
  await expect(nt351.locator('.kb-pic__as--none')).toHaveText('as WKS1: no account');
  // The label stays in the gap between the workstation and the server (x 98 to 208 in the picture).
  const label = await nt351.locator('.kb-pic__as--none').evaluate((t) => {
    const { x, width } = (t as SVGTextElement).getBBox();
    return { x, width };
  });
  expect(label.x).toBeGreaterThanOrEqual(98);
  expect(label.x + label.width).toBeLessThanOrEqual(208);
  await expect.poll(() => usedSlots(nt351)).toBe(1);
  await expect(nt351.locator('ul')).toContainText('Licences: 1 of 5 in use.');
  // 4.0: no connection left, no licence; only the NetBIOS session lingering its 255 s (Q231795).
  await expect(nt40.locator('.kb-pic__line:not(.kb-pic__line--transport)')).toHaveCount(0);
  await expect(nt40.locator('.kb-pic__line--transport')).toHaveCount(1);
  await expect.poll(() => usedSlots(nt40)).toBe(0);
  // The session statechart under the island marks where WKS1's session is on each version.
  await expect(page.locator('#compare-chart [data-state="leftover"] .kb-chart__now')).toHaveText(
    'now: WKS1 (3.51)',
  );

  for (let i = 0; i < 3; i++) await press(root.getByRole('button', { name: '+5 min' }));
  await expect(root.locator('.kb-clock__value')).toHaveText('00:17:00');

  await expect(nt351.locator('.kb-pic__line')).toHaveCount(0);
  await expect.poll(() => usedSlots(nt351)).toBe(0);
  await expect(nt351.locator('ul')).toContainText('WKS1 (jsmith logged on): no session.');
  await expect(page.locator('#compare-chart [data-state="leftover"] .kb-chart__now')).toHaveText('');
  expect(errors).toEqual([]);
});

test('the timeline is the clock’s slider: arrow keys stop at each change, Home and End go to the ends, a click seeks', async ({
  page,
}) => {
  await openArticle(page);
  const root = page.locator('#compare');
  const timeline = root.getByRole('slider', { name: 'Time' });
  await expect(timeline).toHaveClass(/kb-tl__plot/);

  await timeline.focus();
  await page.keyboard.press('ArrowRight');
  // The CONNECT AS tape opens a file at 00:00:30: the first change after the start.
  await expect(timeline).toHaveAttribute('aria-valuetext', '30 seconds after the start');
  await expect(root.locator('.kb-clock__value')).toHaveText('00:00:30');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(root.locator('.kb-clock__value')).toHaveText('00:02:00');
  await page.keyboard.press('ArrowLeft');
  await expect(root.locator('.kb-clock__value')).toHaveText('00:01:30');
  await page.keyboard.press('End');
  await expect(timeline).toHaveAttribute(
    'aria-valuenow',
    (await timeline.getAttribute('aria-valuemax')) ?? '',
  );
  await page.keyboard.press('Home');
  await expect(root.locator('.kb-clock__value')).toHaveText('00:00:00');

  const box = await timeline.boundingBox();
  if (!box) throw new Error('the timeline has no box');
  await page.mouse.click(box.x + box.width * 0.9, box.y + box.height / 2);
  await expect(root.locator('.kb-clock__value')).not.toHaveText('00:00:00');
  // Its change points are a table for screen readers.
  await expect(
    root
      .locator('.kb-sim__island')
      .getByRole('table', { name: 'Timeline: when licences and connections change', includeHidden: true }),
  ).toHaveCount(1);
});

test('a long tape: the change table lists its first 50 changes and says how many more; playing moves only the cursor', async ({
  page,
}) => {
  // 300 actions a minute apart, each a change point.
  const tape: TapeEntry[] = Array.from({ length: 300 }, (_, i) => ({
    at: (i + 1) * 60_000,
    event: { type: i % 2 ? 'share.disconnect' : 'share.connect', computer: 'WKS1', share: 'PUBLIC' },
  }));
  const link = encode({ config: { version: '3.51' }, tape, at: 0 });
  await page.goto(`${ARTICLE}?compare=${link}#compare`);
  await page.locator('#compare').scrollIntoViewIfNeeded();
  await waitForHydration(page, '#compare');
  const timeline = page.locator('#compare .kb-sim__live .kb-tl');
  const changes = timeline.getByRole('table', {
    name: 'Timeline: when licences and connections change',
    includeHidden: true,
  });
  await expect(changes.locator('tbody tr')).toHaveCount(50);
  await expect(changes.locator('tbody tr').last()).toContainText('00:49:00');
  await expect(timeline.locator('.sr-only p')).toHaveText(/^\d+ later changes are not listed\.$/);
  // The keyboard still stops at every change, listed or not.
  const slider = timeline.getByRole('slider', { name: 'Time' });
  await slider.focus();
  await page.keyboard.press('End');
  // At the end, each event log shows its newest 50 entries under a line saying how many are not shown.
  await openPanel(page.locator('#compare'), 'Event log');
  await slider.focus();
  const log = page.locator('#compare .kb-log ol').first();
  await expect(log.locator('li')).toHaveCount(51);
  await expect(log.locator('li').first()).toHaveText(/^\d+ earlier entries are not shown\.$/);
  // The log window is scrolled to its newest entry: that entry's end is in sight at the bottom.
  const inSight = await page
    .locator('#compare .kb-log__scroll')
    .first()
    .evaluate((box) => {
      const last = box.querySelector('li:last-child') as Element;
      const b = box.getBoundingClientRect();
      const l = last.getBoundingClientRect();
      return l.bottom <= b.bottom + 1 && l.bottom > b.top + 8;
    });
  expect(inSight).toBe(true);
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', '1 minute after the start');

  // Every change inside the timeline while the clock runs, by element.
  await timeline.evaluate((figure) => {
    const changed = new Set<string>();
    (window as unknown as { changed: Set<string> }).changed = changed;
    new MutationObserver((records) => {
      for (const r of records) {
        const el = (r.target.nodeType === 1 ? r.target : r.target.parentElement) as Element;
        changed.add(`${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
      }
    }).observe(figure, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  const root = page.locator('#compare');
  await press(root.getByRole('button', { name: 'Play' }));
  await expect(root.locator('.kb-clock__value')).not.toHaveText(/^00:01:0\d$/);
  await press(root.getByRole('button', { name: 'Pause' }));
  const changed = await page.evaluate(() => [...(window as unknown as { changed: Set<string> }).changed]);
  // The cursor line moves, and the slider says where it is; the lines, marks and table stay as they were.
  expect(changed.sort()).toEqual(['div.kb-tl__plot', 'line.kb-tl__cursor']);
});

test('scenario player: the step box keeps its height, so Next stays under the pointer on every step', async ({
  page,
}) => {
  // Opens the article twice and walks every step of the scenario on both versions: 15 s at a load
  // of 6 on the shared 2-core machine, over Playwright's 30 s when it is busier.
  test.setTimeout(60_000);
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await openArticle(page);
    const root = page.locator('#scenario');
    const next = root.getByRole('button', { name: 'Next' });
    const boxes = new Set<string>();
    for (const version of ['3.51', '4.0']) {
      await root.getByRole('radio', { name: `NT ${version}` }).check();
      await press(root.getByRole('button', { name: 'Reset' }));
      if (version === '4.0') await root.getByRole('radio', { name: 'NT 4.0' }).check();
      for (let i = 0; i < 6; i++) {
        const step = await root.locator('.kb-player__step').boundingBox();
        const button = await next.boundingBox();
        boxes.add(`${Math.round(step?.height ?? 0)} ${Math.round((button?.y ?? 0) - (step?.y ?? 0))}`);
        if ((await next.getAttribute('aria-disabled')) === 'true') break;
        await press(next);
      }
    }
    expect([...boxes], `at ${width} px`).toHaveLength(1);
  }
});

test('scenario player: Reset goes back to step 1 on NT 3.51, and Copy link copies this step', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openArticle(page);
  const root = page.locator('#scenario');
  await root.getByRole('radio', { name: 'NT 4.0' }).check();
  for (let i = 0; i < 3; i++) await press(root.getByRole('button', { name: 'Next' }));

  await press(root.getByRole('button', { name: 'Copy link' }));
  await expect(root.getByRole('status')).toContainText('Link copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\?scenario=4-4\.0#scenario$/);
  // The statechart under the player marks the session: on 4.0, after the disconnect, there is none.
  await expect(page.locator('#scenario-chart [data-state="none"] .kb-chart__now')).toHaveText(
    'now: WKS1, WKS2',
  );

  await press(root.getByRole('button', { name: 'Reset' }));
  await expect(root.locator('.kb-player__position')).toContainText('Step 1 of');
  await expect(root.getByRole('radio', { name: 'NT 3.51' })).toBeChecked();
  // The link to the article's sentence takes the theme's link colour, not the browser's blue.
  const colour = await root.locator('.kb-player__anchor a').evaluate((a) => getComputedStyle(a).color);
  expect(colour).not.toBe('rgb(0, 0, 238)');
});

test('acting after scrubbing back says how many later actions it replaced, and Undo puts them back', async ({
  page,
}) => {
  await openArticle(page);
  const root = page.locator('#compare');
  await press(root.getByRole('button', { name: '+1 min' }));
  await press(root.getByRole('button', { name: 'Connect', exact: true }));

  // The CONNECT AS tape has two actions after 00:01:00: the file closed at 1:30, TOOLS disconnected at 2:00.
  await expect(root.locator('.kb-clock__notice')).toContainText(/replacing 2 later actions/);
  // What the servers answered shows beside the buttons as well as in the logs.
  await expect(root.locator('.kb-controls__result')).toContainText('NT 3.51:');
  await press(root.getByRole('button', { name: 'Undo: put back 2' }));
  await expect(root.locator('.kb-clock__notice')).toContainText('Undone');
  await expect(root.getByRole('button', { name: /^Undo/ })).toHaveCount(0);
  await openPanel(root, 'Event log');
  await expect(root.getByRole('region', { name: 'Event log, NT 3.51 (side by side)' })).not.toContainText(
    'PUBLIC',
  );
});

test('one control panel per island: a single licensing button acts on both servers', async ({ page }) => {
  await openArticle(page);
  const root = page.locator('#compare');
  const toggle = root.getByRole('button', { name: /the service on both servers/ });
  await expect(toggle).toHaveCount(1);
  await press(toggle);
  await expect(picture(page, 0).locator('ul')).toContainText('Licences not counted');
  await expect(picture(page, 1).locator('ul')).toContainText('Licences not counted');
  await expect(root.getByText(/65535 minutes is about 45 days/)).toBeVisible();
});

test('pictures fit a 320 px screen without widening the page', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await openArticle(page);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
  const pic = await picture(page, 0).locator('svg').boundingBox();
  expect(pic?.width ?? 0).toBeGreaterThan(200);
});
