import { expect, test } from '@playwright/test';
import { encode } from '../../src/machines';
import { waitForHydration } from './helpers';

// A link is one simulation's moment: with side by side and free play both in the address, Copy link
// on side by side copies the page with its parameter alone.
test('Copy link copies this simulation’s moment and no other simulation’s parameters', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const tape = [{ at: 0, event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' } as const }];
  const play = encode({ config: { version: '4.0' }, tape, at: 60_000 });
  const compare = encode({ config: { version: '3.51' }, tape, at: 120_000 });
  await page.goto(`/kb/q153066/?play=${play}&compare=${compare}#compare`);
  const root = page.locator('#compare');
  await root.scrollIntoViewIfNeeded();
  await waitForHydration(page, '#compare');
  await expect(root.locator('.kb-clock__value')).toHaveText('00:02:00');
  await root.getByRole('button', { name: 'Copy link to this moment' }).click();
  await expect(root.getByRole('status').last()).toContainText('Link copied');
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(url).search).toBe(`?compare=${compare}`);
  expect(new URL(url).hash).toBe('#compare');
  // The address bar still keeps both simulations' moments.
  expect(page.url()).toContain(`play=${play}`);
});

test('a first-format link whose moment a changed rule now reads differently says so in one line', async ({
  page,
}) => {
  const tape = [
    { at: 0, event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' } as const },
    { at: 30_000, event: { type: 'admin.disconnect', computer: 'WKS1', share: 'PUBLIC' } as const },
  ];
  // The same moment written in the first format, as links were before this model followed NT here.
  const [, , header, body] = encode({ config: { version: '3.51' }, tape, at: 60_000 }).split('.');
  await page.goto(`/kb/q153066/?compare=1.${header}.${body}#compare`);
  const root = page.locator('#compare');
  await root.scrollIntoViewIfNeeded();
  await waitForHydration(page, '#compare');
  await expect(root.locator('.kb-clock__value')).toHaveText('00:01:00');
  await expect(root).toContainText('This moment was shared before LiveKB followed NT');
  // The same moment in today's format says nothing of the kind (the island has written that format into
  // the address already, so leave the page first: going to the same address would not reload it).
  await expect(page).toHaveURL(/\?compare=2\.nt-server\./);
  await page.goto('about:blank');
  await page.goto(
    `/kb/q153066/?compare=${encode({ config: { version: '3.51' }, tape, at: 60_000 })}#compare`,
  );
  await page.locator('#compare').scrollIntoViewIfNeeded();
  await waitForHydration(page, '#compare');
  await expect(page.locator('#compare .kb-clock__value')).toHaveText('00:01:00');
  await expect(page.locator('#compare')).not.toContainText('This moment was shared before');
});
