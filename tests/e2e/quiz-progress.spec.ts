import { expect, type Page, test } from '@playwright/test';
import { waitForHydration, watchConsole } from './helpers';

// Issue 23 #10: the quiz keeps its progress for the tab: a reload, or Back without the
// back-forward cache, shows the answers chosen and checked, and the component knows them.
const question = (page: Page, id: string) => page.locator(`.kb-ts__island form[data-question="${id}"]`);

async function openQuiz(page: Page, how: () => Promise<unknown>) {
  await how();
  await page.locator('.kb-quiz').scrollIntoViewIfNeeded();
  await waitForHydration(page);
}

test('answers chosen and checked survive a reload and Back', async ({ page }) => {
  const errors = watchConsole(page);
  await openQuiz(page, () => page.goto('/onboarding/'));
  const shown = question(page, 'q153066-shown-user');
  const limit = question(page, 'q153066-limit');
  await shown.locator('input[value="WKS1"]').check();
  await shown.getByRole('button', { name: /Check/ }).click();
  await expect(shown.getByRole('status')).toContainText('Right.');
  await limit.locator('input[value="Connected"]').check();

  for (const again of [
    () => page.reload(),
    async () => {
      await page.goto('/glossary/');
      await page.goBack();
    },
  ]) {
    await openQuiz(page, again);
    await expect(shown.locator('input[value="WKS1"]')).toBeChecked();
    await expect(shown.getByRole('status')).toContainText('Right.');
    await expect(limit.locator('input[value="Connected"]')).toBeChecked();
    await expect(limit.getByRole('status')).toHaveText('');
  }
  // The component knows the restored choice: checking it gives the verdict, not "Choose an answer first."
  await limit.getByRole('button', { name: /Check/ }).click();
  await expect(limit.getByRole('status')).toContainText('Not quite.');
  await page.reload();
  await openQuiz(page, async () => {});
  await expect(limit.getByRole('status')).toContainText('Not quite.');
  expect(errors).toEqual([]);
});

test('with storage blocked the quiz works for the page, and Back shows no answer it does not know', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'sessionStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  const errors = watchConsole(page);
  await openQuiz(page, () => page.goto('/onboarding/'));
  const limit = question(page, 'q153066-limit');
  await limit.locator('input[value="Connected"]').check();
  await limit.getByRole('button', { name: /Check/ }).click();
  await expect(limit.getByRole('status')).toContainText('Not quite.');
  await page.goto('/glossary/');
  await openQuiz(page, () => page.goBack());
  await expect(limit.locator('input:checked')).toHaveCount(0);
  await limit.getByRole('button', { name: /Check/ }).click();
  await expect(limit.getByRole('status')).toContainText('Choose an answer first.');
  expect(errors).toEqual([]);
});
