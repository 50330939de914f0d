import { expect, test } from '@playwright/test';
import { encode } from '../../src/machines';
import { waitForHydration, watchConsole } from './helpers';

// The statechart under a simulation marks the state the model's view says each session is in; after
// `net use \\NTSERVER\IPC$` that is "IPC$ by name", on both versions (the picture no longer works it out).
test('the statechart marks an explicit IPC$ as the model says, and moves on when it is disconnected', async ({
  page,
}) => {
  const errors = watchConsole(page);
  const tape = [
    { at: 0, event: { type: 'share.connect', computer: 'WKS1', share: 'IPC$' } as const },
    { at: 60_000, event: { type: 'share.disconnect', computer: 'WKS1', share: 'IPC$' } as const },
  ];
  await page.goto(
    `/kb/q153066/?compare=${encode({ config: { version: '3.51' }, tape, at: 30_000 })}#compare`,
  );
  await page.locator('#compare').scrollIntoViewIfNeeded();
  await waitForHydration(page, '#compare');
  const state = (id: string) => page.locator(`#compare-chart [data-state="${id}"]`);
  await expect(state('explicitIpc').locator('.kb-chart__now')).toHaveText('now: WKS1 (3.51), WKS1 (4.0)');
  await expect(state('explicitIpc')).toHaveClass(/kb-chart__state--now/);
  await expect(state('holding')).not.toHaveClass(/kb-chart__state--now/);

  await page.locator('#compare').getByRole('button', { name: '+1 min' }).click();
  await expect(state('explicitIpc').locator('.kb-chart__now')).toHaveText('');
  await expect(state('none').locator('.kb-chart__now')).toContainText('WKS1 (3.51)');
  expect(errors).toEqual([]);
});
