import { expect, type Locator, type Page, test } from '@playwright/test';
import { encode, type TapeEntry } from '../../src/machines';
import { openPanel, waitForHydration, watchConsole } from './helpers';

/*
 * The picture at the centre (issue "The picture is the simulation"): panels as tabs loaded when
 * opened, refusals drawn where they happen, what just happened in one line, the article's figures
 * pinned beside the picture, the landing line, print, contrast and height.
 */

async function open(page: Page, path: string, id: string) {
  await page.goto(path);
  await page.locator(`#${id} astro-island`).first().scrollIntoViewIfNeeded();
  await waitForHydration(page, `#${id}`);
  return page.locator(`#${id}`);
}

async function press(control: Locator) {
  await control.focus();
  await control.press('Enter');
}

test('panels are tabs below the picture: none open at first, keyboard-operable, each loaded when opened', async ({
  page,
}) => {
  const errors = watchConsole(page);
  const loaded: string[] = [];
  page.on('request', (r) => {
    const name = /\/_astro\/(\w+Panel)\./.exec(r.url())?.[1];
    if (name) loaded.push(name);
  });
  const root = await open(page, '/kb/q153066/', 'play');
  const tabs = root.getByRole('tablist', { name: 'Panels, free play' });
  await expect(tabs.getByRole('tab')).toHaveText([
    'Server Manager',
    'Performance Monitor',
    'net use',
    'Event log',
  ]);
  await expect(root.getByRole('tabpanel')).toHaveCount(0);
  expect(loaded).toEqual([]);

  // Arrow keys move between the tabs (one tab stop); Enter opens one, and its code loads then.
  await tabs.getByRole('tab', { name: 'Server Manager' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(tabs.getByRole('tab', { name: 'Performance Monitor' })).toBeFocused();
  await page.keyboard.press('End');
  await expect(tabs.getByRole('tab', { name: 'Event log' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(root.getByRole('tabpanel', { name: 'Event log' })).toBeVisible();
  await expect(root.getByRole('region', { name: 'Event log, NT 3.51 (free play)' })).toBeVisible();
  expect(loaded).toEqual(['EventLogPanel']);
  // One open at a time.
  await openPanel(root, 'Performance Monitor');
  await expect(root.getByRole('tabpanel')).toHaveCount(1);
  await expect(root.getByRole('term').filter({ hasText: 'Sessions Timed Out' })).toBeVisible();
  // Panels are tools, not the article: the site search leaves them out.
  await expect(root.locator('.kb-panels')).toHaveAttribute('data-pagefind-ignore');
  expect(errors).toEqual([]);
});

test('a refused attempt is drawn where it happens, with its error number, and the caption says what happened', async ({
  page,
}) => {
  const root = await open(page, '/kb/q153066/', 'play');
  await root.getByRole('combobox', { name: 'Per-server licences (from the start)' }).selectOption('1');
  await press(root.getByRole('button', { name: 'Connect', exact: true }));
  await root.getByRole('combobox', { name: 'Computer' }).selectOption('WKS2');
  await press(root.getByRole('button', { name: 'Connect', exact: true }));

  const pic = root.locator('.kb-pic').first();
  const refused = pic.locator('.kb-pic__refused');
  await expect(refused).toHaveCount(1);
  await expect(refused).toHaveAttribute('data-error', '71');
  await expect(refused.locator('text')).toHaveText('✕ error 71');
  // Drawn on WKS2's row (the second), beside its status line, and said in the picture's words.
  await expect(
    pic.locator('text.kb-pic__small', { hasText: 'refused: error 71 (no licence free)' }),
  ).toHaveCount(1);
  await expect(pic.locator('ul.sr-only')).toContainText('WKS2 (mlee logged on): refused: error 71');
  await expect(root.locator('.kb-happened')).toContainText(/^At 00:00:00: .*error 71|^At 00:00:00: Refused/);
  await expect(root.locator('.kb-happened')).toHaveAttribute('aria-live', 'polite');

  // A minute later it is gone from the picture; the log keeps it.
  await press(root.getByRole('button', { name: '+1 min' }));
  await press(root.getByRole('button', { name: '+1 min' }));
  await expect(refused).toHaveCount(0);
  await expect(root.locator('.kb-happened')).toContainText('Last, at 00:00:00');
});

test('a landing from a link says so in one line, in place of the intro about the default scenario', async ({
  page,
}) => {
  const tape: TapeEntry[] = [{ at: 0, event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' } }];
  const link = encode({ config: { version: '4.0' }, tape, at: 120_000 });
  const root = await open(page, `/kb/q153066/?play=${link}#play`, 'play');
  const landing = root.getByRole('status').filter({ hasText: 'This is the moment you described' });
  await expect(landing).toHaveText(
    'This is the moment you described: NT 4.0 at 00:02:00, after 1 action. Play on, or Reset to start over.',
  );
  await expect(root.locator('.kb-sim__intro')).toBeHidden();
  await press(root.getByRole('button', { name: 'Reset' }));
  await expect(landing).toHaveCount(0);
  await expect(root.locator('.kb-sim__intro')).toBeVisible();
});

test('Q159600 pins the counters its point turns on beside the picture, on both versions', async ({
  page,
}) => {
  const root = await open(page, '/kb/q159600/', 'compare');
  const evidence = root.getByRole('definition').locator('..');
  await expect(root.locator('.kb-evidence dt')).toHaveText([
    'Sessions Timed Out',
    'Sessions Errored Out',
    'Licences in use',
  ]);
  await press(root.getByRole('button', { name: 'To the next autodisconnect' }));
  const timedOut = root.locator('.kb-evidence__figure', { hasText: 'Sessions Timed Out' });
  await expect(timedOut.locator('dd').first()).toContainText(/NT 3\.51: [1-9]/);
  await expect(evidence.first()).toBeVisible();
  // Next to the pictures: at 1280 px the figures end within one screen of the pictures' top.
  const pics = await root.locator('.kb-sim__pictures').boundingBox();
  const side = await root.locator('.kb-evidence').boundingBox();
  expect((side?.y ?? 0) + (side?.height ?? 0) - (pics?.y ?? 0)).toBeLessThan(800);
});

test('print: no script text, the sentence paper needs, and no JavaScript-off sentence', async ({ page }) => {
  await page.goto('/kb/q153066/');
  await page.emulateMedia({ media: 'print' });
  const shown = await page.evaluate(
    () =>
      [...document.querySelectorAll('.kb-transcript script')].filter(
        (s) => getComputedStyle(s).display !== 'none',
      ).length,
  );
  expect(shown).toBe(0);
  await expect(
    page.getByText('On paper, each simulation is shown as a transcript of its run.'),
  ).toBeVisible();
  await expect(page.getByText('With JavaScript off, each simulation is shown as a transcript')).toBeHidden();
});

/** The contrast ratio of two CSS colours (rgb/rgba), WCAG's formula. */
function ratio(a: number[], b: number[]): number {
  const lum = ([r, g, b]: number[]) => {
    const [R, G, B] = [r, g, b].map((v) => {
      const c = (v ?? 0) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (R ?? 0) + 0.7152 * (G ?? 0) + 0.0722 * (B ?? 0);
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

for (const theme of ['light', 'dark'] as const) {
  test(`every stroke of the pictures, timeline and statechart has 3:1 contrast against the simulation (${theme})`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme: theme });
    const root = await open(page, '/kb/q153066/', 'compare');
    await press(root.getByRole('button', { name: '+1 min' }));
    const found = await root.evaluate((section) => {
      // Any CSS colour (rgb, oklab, color-mix…) as sRGB bytes: painted on a canvas and read back.
      const canvas = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
      const rgb = (c: string) => {
        if (!canvas) return [];
        canvas.clearRect(0, 0, 1, 1);
        canvas.fillStyle = c;
        canvas.fillRect(0, 0, 1, 1);
        return [...canvas.getImageData(0, 0, 1, 1).data].slice(0, 3);
      };
      const background = rgb(getComputedStyle(section).backgroundColor);
      const marks = [...section.querySelectorAll('.kb-pic svg *, .kb-tl svg *, .kb-chart svg *')].filter(
        (el) =>
          ['line', 'path', 'rect', 'circle'].includes(el.tagName) &&
          (el as SVGGraphicsElement).getBBox().width + (el as SVGGraphicsElement).getBBox().height > 0,
      );
      return {
        background,
        strokes: marks.flatMap((el) => {
          const style = getComputedStyle(el);
          if (style.stroke === 'none' || style.visibility === 'hidden' || Number(style.strokeOpacity) === 0)
            return [];
          return [
            {
              what: `${el.tagName}.${el.getAttribute('class') ?? el.parentElement?.getAttribute('class')}`,
              color: style.stroke,
              rgb: rgb(style.stroke),
            },
          ];
        }),
      };
    });
    expect(found.strokes.length).toBeGreaterThan(10);
    const low = found.strokes
      .filter((s) => s.rgb.length < 3 || ratio(s.rgb, found.background) < 3)
      .map(
        (s) =>
          `${s.what} ${s.color} ${s.rgb.length < 3 ? 'unreadable' : ratio(s.rgb, found.background).toFixed(2)}`,
      );
    expect([...new Set(low)]).toEqual([]);
  });
}

test('height: side by side’s pictures, clock and pinned figures fit 1280×800; picture and clock fit a 390×844 phone', async ({
  page,
}) => {
  for (const [width, height, path, id] of [
    [1280, 800, '/kb/q159600/', 'compare'],
    [390, 844, '/kb/q153066/', 'play'],
  ] as const) {
    await page.setViewportSize({ width, height });
    const root = await open(page, path, id);
    const top = (await root.locator('.kb-stage').boundingBox())?.y ?? 0;
    const clock = await root.locator('.kb-clock').boundingBox();
    const bottom = (clock?.y ?? 0) + (clock?.height ?? 0);
    expect(bottom - top, `${width}×${height} ${path}#${id}`).toBeLessThanOrEqual(height);
  }
});

test('the server box keeps "not counted (stopped)" inside it when the License Logging service stops', async ({
  page,
}) => {
  const root = await open(page, '/kb/q153066/', 'play');
  await press(root.getByRole('button', { name: /^Stop the service/ }));
  const pic = root.locator('.kb-pic svg').first();
  const text = pic.locator('text', { hasText: 'not counted' });
  await expect(text).toHaveCount(1);
  // The server's box spans x 208 to 302 in the picture's units.
  const right = await text.evaluate((t) => {
    const box = (t as SVGTextElement).getBBox();
    return box.x + box.width;
  });
  expect(right).toBeLessThanOrEqual(302);
});
