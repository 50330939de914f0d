import { expect, type Locator, type Page, test } from '@playwright/test';
import { encode, type TapeEntry } from '../../src/machines';
import { openPanel, waitForHydration, watchConsole } from './helpers';

/** Free play on Q153066: an empty NT 3.51 server. Keyboard only: focus, then Enter. */
async function freePlay(page: Page, query = '') {
  await page.goto(`/kb/q153066/${query}#play`);
  await page.locator('#play astro-island').first().scrollIntoViewIfNeeded();
  await waitForHydration(page, '#play');
  const root = page.locator('#play');
  await openPanel(root, 'Server Manager');
  return root;
}

async function press(control: Locator) {
  await control.focus();
  await control.press('Enter');
}

const table = (root: Locator) =>
  root.getByRole('table', { name: /Server Manager, NTSERVER on Windows NT 3\.51/ });
const connect = (root: Locator) => press(root.getByRole('button', { name: 'Connect', exact: true }));
const share = (root: Locator, name: string) =>
  root.getByRole('combobox', { name: 'Share' }).selectOption(name);

test('Server Manager: Disconnect works on a row listed under an account, and is refused with a reason on the leftover IPC$ (NT 3.51)', async ({
  page,
}) => {
  const errors = watchConsole(page);
  const root = await freePlay(page);
  await connect(root);
  await expect(table(root).locator('tbody tr')).toHaveCount(2);
  await press(root.getByRole('button', { name: 'Disconnect WKS1 from PUBLIC' }));
  // NT's server ends sessions, not single connections: both rows go, and the workstation keeps its mapping.
  await expect(table(root).locator('tbody tr')).toHaveText(['No connections']);
  await openPanel(root, 'net use');
  await expect(root.getByRole('list', { name: /net use at the workstations/ })).toContainText(
    'Disconnected \\\\NTSERVER\\PUBLIC (jsmith)',
  );
  await openPanel(root, 'Server Manager');

  // A fresh session, then the client lets go of PUBLIC: the IPC$ stays, under the computer name.
  await press(root.getByRole('button', { name: 'Reset' }));
  await connect(root);
  await press(root.getByRole('button', { name: 'Disconnect', exact: true }));
  const ipc = table(root).locator('tbody tr', { hasText: 'IPC$' });
  await expect(ipc).toContainText('computer name');
  await press(root.getByRole('button', { name: 'Disconnect WKS1 from IPC$' }));
  await expect(ipc).toContainText('could not disconnect');
  // The kernel cites its source by key; the page prints the KB article that key stands for.
  await expect(ipc).toContainText(/nothing changed\. \(Q153070\)/);
  await expect(table(root).locator('tbody tr')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test('Control Panel Licensing raises the limit from now on and lets a refused user in; bad input sends nothing', async ({
  page,
}) => {
  const root = await freePlay(page);
  const licences = root.getByRole('textbox', { name: /Control Panel Licensing/ });
  await licences.fill('0');
  await licences.press('Enter');
  await expect(root.getByRole('alert')).toContainText('from 1 to 9999');
  await licences.fill('1');
  await licences.press('Enter');
  await connect(root);
  await root.getByRole('combobox', { name: 'Computer' }).selectOption('WKS2');
  await connect(root);
  await expect(root.locator('.kb-controls__result')).toContainText('error 71');
  await licences.fill('2');
  await licences.press('Enter');
  await connect(root);
  await expect(table(root)).toContainText('mlee');
  await openPanel(root, 'Performance Monitor');
  await expect(root.getByRole('term').filter({ hasText: 'Sessions Forced Off' })).toBeVisible();
});

test('IPC$ by name: connect to IPC$ and disconnect it ends the leftover session (Sessions Logged Off)', async ({
  page,
}) => {
  const root = await freePlay(page);
  await connect(root);
  await press(root.getByRole('button', { name: 'Disconnect', exact: true }));
  await share(root, 'IPC$');
  await connect(root);
  await expect(table(root).locator('tbody tr', { hasText: 'IPC$' })).toContainText('jsmith');
  await press(root.getByRole('button', { name: 'Disconnect', exact: true }));
  await expect(table(root).locator('tbody tr')).toHaveText([/No connections/]);
  await openPanel(root, 'Performance Monitor');
  const loggedOff = root.locator('.kb-sm__counters div', { hasText: 'Sessions Logged Off' });
  await expect(loggedOff.first()).toContainText('1');
});

for (const param of ['compare', 'play', 'scenario']) {
  test(`a hostile ?${param}= shows a fixed notice with none of the link's text, and the page does not widen at 320 px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    const hostile = `1.${'W'.repeat(3000)}<script>alert(1)</script>%E2%80%AEevil`;
    await page.goto(`/kb/q153066/?${param}=${encodeURIComponent(hostile)}#${param}`);
    const root = page.locator(`#${param}`);
    await root.locator('astro-island').first().scrollIntoViewIfNeeded();
    await waitForHydration(page, `#${param}`);
    const notice = root.getByRole('alert');
    await expect(notice).toBeVisible();
    const text = await notice.innerText();
    for (const bit of ['WWWW', 'script', 'evil', 'alert(1)']) expect(text).not.toContain(bit);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(320);
  });
}

test('free play refuses an action that would make the link longer than a link can carry, next to the controls', async ({
  page,
}) => {
  // A tape just under the 8 KB limit, made with the kernel's own codec: long entries first, then
  // the very entry Connect records (WKS1 to PUBLIC at the link's moment) until one more would not fit.
  const config = { version: '3.51' as const };
  const tape: TapeEntry[] = [];
  const fits = (t: TapeEntry[]) => {
    try {
      return encode({ config, tape: t, at: t[t.length - 1]?.at ?? 0 }).length <= 8192;
    } catch {
      return false;
    }
  };
  for (let i = 0; ; i++) {
    const next: TapeEntry = { at: i * 1001, event: { type: 'autodisconnect.set', minutes: 60000 + i } };
    if (!fits([...tape, next, next])) break;
    tape.push(next);
  }
  const at = tape[tape.length - 1]?.at ?? 0;
  const connectEntry: TapeEntry = { at, event: { type: 'share.connect', computer: 'WKS1', share: 'PUBLIC' } };
  while (fits([...tape, connectEntry, connectEntry])) tape.push(connectEntry);
  tape.push(connectEntry);
  expect(fits(tape)).toBe(true);
  expect(fits([...tape, connectEntry])).toBe(false);
  const link = encode({ config, tape, at });
  const root = await freePlay(page, `?play=${link}`);
  await press(root.getByRole('button', { name: 'Connect', exact: true }));
  await expect(root.locator('.kb-controls__result')).toContainText('Not recorded');
  await expect(root.locator('.kb-controls__result')).toContainText('8192');
});

test('Embed shows a copyable snippet that frames this simulation at this moment', async ({ page }) => {
  const root = await freePlay(page);
  await connect(root);
  await press(root.getByRole('button', { name: 'Embed' }));
  const code = root.getByRole('textbox', { name: /Embed this moment/ });
  await expect(code).toHaveValue(
    /<iframe src="http:\/\/localhost:\d+\/embed\/q153066\/play\/\?play=2\.nt-server\.[^"]+"/,
  );
});

test('a registry edit waits for the Server service to restart; the restart ends every session and applies it (keyboard only)', async ({
  page,
}) => {
  const errors = watchConsole(page);
  const root = await freePlay(page);
  await connect(root);
  await expect(table(root).locator('tbody tr')).toHaveCount(2);
  const dword = root.getByRole('textbox', { name: /Registry value, minutes/ });
  await dword.fill('99999999999');
  await dword.press('Enter');
  await expect(root.getByRole('alert')).toContainText('0 to 4294967295');
  await dword.fill('5');
  await dword.press('Enter');
  // Nothing changes yet: the value in force is still 15, and the session is still listed.
  await expect(root.getByRole('textbox', { name: /Autodisconnect, minutes \(now 15\)/ })).toBeVisible();
  await expect(table(root).locator('tbody tr')).toHaveCount(2);
  await press(root.getByRole('button', { name: /^Restart the Server service/ }));
  await expect(table(root).locator('tbody tr')).toHaveText(['No connections']);
  await expect(root.getByRole('textbox', { name: /Autodisconnect, minutes \(now 5\)/ })).toBeVisible();
  await openPanel(root, 'net use');
  await expect(root.getByRole('list', { name: /net use at the workstations/ })).toContainText(
    'Disconnected \\\\NTSERVER\\PUBLIC (jsmith)',
  );
  expect(errors).toEqual([]);
});
