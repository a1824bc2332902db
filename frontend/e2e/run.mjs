// End-to-end flows in a real Chromium against a running server: BASE_URL=http://host:port npm run e2e
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { api, BASE_URL, expectNoAxeViolations, step, summary, uniqueIp } from './harness.mjs';

const PASSWORD = 'Correct-Horse-9';
const suffix = `${Date.now() % 1_000_000}`;
const alice = { username: `alice_${suffix}`, email: `alice_${suffix}@example.test`, name: `Alice ${suffix}` };
const bob = { username: `bob_${suffix}`, email: `bob_${suffix}@example.test`, name: `Bob ${suffix}` };
const LIVE = 15_000; // socket or, without it, the REST polling fallback

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const newUserPage = async () => {
  const context = await browser.newContext({
    baseURL: BASE_URL,
    extraHTTPHeaders: { 'X-Forwarded-For': uniqueIp() },
    viewport: { width: 1280, height: 800 },
  });
  return context.newPage();
};

const register = async (page, user) => {
  await page.goto('/register');
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Display name').fill(user.name);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Confirm password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/chat');
};
// A message by its own text (a reply also shows its parent's text in the preview).
const messageIn = (page, text) =>
  page.getByTestId('message').filter({ has: page.getByTestId('message-content').filter({ hasText: text }) });

let failed = 1;
try {
  const a = await newUserPage();
  const b = await newUserPage();

  await step('login and register pages have no accessibility violations', async () => {
    await a.goto('/chat');
    await a.waitForURL('**/login');
    await a.getByRole('heading', { name: 'Sign in' }).waitFor();
    await expectNoAxeViolations(a, 'login');
    await a.getByRole('link', { name: 'Create an account' }).click();
    await a.getByLabel('Password', { exact: true }).fill('weak');
    await a.getByTestId('password-strength').getByText('Strength: weak').waitFor();
    await expectNoAxeViolations(a, 'register');
  });

  await step('two users register in two browser contexts', async () => {
    await register(a, alice);
    await register(b, bob);
  });

  await step('the chat view loads within a second and has no accessibility violations', async () => {
    await a.goto('/chat');
    await a.getByText('No rooms yet').waitFor();
    // Meaningful paint: the session restored and the room list rendered (measured from navigation start).
    const paint = await a.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      ready: performance.now(),
      domContentLoaded: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
    }));
    console.log(
      `    /chat: DOMContentLoaded ${Math.round(paint.domContentLoaded)} ms, first contentful paint ${paint.fcp === null ? 'n/a' : Math.round(paint.fcp)} ms, room list shown by ${Math.round(paint.ready)} ms`,
    );
    // The target is 1 s; the guard is looser because CI shares two cores with a Liberty and a database.
    if (paint.ready > 3000) throw new Error(`the room list took ${paint.ready} ms to appear`);
    await expectNoAxeViolations(a, 'chat');
  });

  await step('alice creates a room with bob picked from search', async () => {
    await a.getByRole('button', { name: '+ New room' }).click();
    const dialog = a.getByRole('dialog', { name: 'Create a room' });
    await dialog.getByLabel('Room name').fill('Project Nexus');
    await dialog.getByRole('searchbox', { name: 'Add members' }).fill(bob.username);
    await dialog.getByRole('button', { name: new RegExp(bob.name) }).click();
    await dialog.getByRole('list', { name: 'Selected members' }).getByText(bob.name).waitFor();
    await expectNoAxeViolations(a, 'create room dialog');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await a.getByRole('heading', { name: '# Project Nexus' }).waitFor();
  });

  await step('messages are exchanged and the unread badge rises and clears', async () => {
    await a.getByRole('textbox', { name: 'Message', exact: true }).fill('Hello Bob, welcome!');
    await a.keyboard.press('Enter');
    await messageIn(a, 'Hello Bob, welcome!').waitFor();
    const badge = b.getByTestId('room-link').filter({ hasText: 'Project Nexus' }).getByTestId('unread-badge');
    await badge.waitFor({ timeout: LIVE });
    await b.getByTestId('room-link').filter({ hasText: 'Project Nexus' }).click();
    await messageIn(b, 'Hello Bob, welcome!').waitFor();
    await badge.waitFor({ state: 'detached' });
    await b.getByRole('textbox', { name: 'Message', exact: true }).fill('Hi Alice!');
    await b.getByRole('button', { name: 'Send' }).click();
    await messageIn(a, 'Hi Alice!').waitFor({ timeout: LIVE });
  });

  await step('bob replies to a message and alice sees the link to the parent', async () => {
    const parent = messageIn(b, 'Hello Bob, welcome!');
    await parent.hover();
    await parent.getByRole('button', { name: /Reply to/ }).click();
    await b.getByTestId('composer-context').getByText('Replying to').waitFor();
    await b.getByRole('textbox', { name: 'Message', exact: true }).fill('Thanks for the invite');
    await b.keyboard.press('Enter');
    const reply = messageIn(a, 'Thanks for the invite');
    await reply.waitFor({ timeout: LIVE });
    await reply.getByTestId('reply-link').getByText('Hello Bob, welcome!').waitFor();
  });

  await step('alice edits and deletes her messages and bob sees both', async () => {
    const mine = messageIn(a, 'Hello Bob, welcome!');
    await mine.hover();
    await mine.getByRole('button', { name: 'Edit message' }).click();
    await a.getByTestId('composer-context').getByText('Editing message').waitFor();
    await a.getByRole('textbox', { name: 'Message', exact: true }).fill('Hello Bob, welcome aboard!');
    await a.keyboard.press('Enter');
    await messageIn(a, 'welcome aboard!').getByText('(edited)').waitFor();
    await messageIn(b, 'welcome aboard!').getByText('(edited)').waitFor({ timeout: LIVE });

    await a.getByRole('textbox', { name: 'Message', exact: true }).fill('This one is a mistake');
    await a.keyboard.press('Enter');
    await messageIn(b, 'This one is a mistake').waitFor({ timeout: LIVE });
    const mistake = messageIn(a, 'This one is a mistake');
    await mistake.hover();
    await mistake.getByRole('button', { name: 'Delete message' }).click();
    await a
      .getByRole('alertdialog', { name: 'Delete message?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await mistake.waitFor({ state: 'detached' });
    await messageIn(b, 'This one is a mistake').waitFor({ state: 'detached', timeout: LIVE });
  });

  await step('room info shows members and roles without accessibility violations', async () => {
    await a.getByRole('button', { name: 'Room info' }).click();
    const panel = a.getByRole('dialog', { name: 'Project Nexus' });
    await panel
      .getByTestId('member-row')
      .filter({ hasText: bob.name })
      .getByText(/^member ·/)
      .waitFor();
    await panel
      .getByTestId('member-row')
      .filter({ hasText: alice.name })
      .getByText(/^owner ·/)
      .waitFor();
    await expectNoAxeViolations(a, 'room info');
    await a.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    const focused = await a.evaluate(() => document.activeElement?.textContent);
    if (focused !== 'Room info') throw new Error(`focus returned to ${focused}`);
  });

  await step('a reload keeps the session and the conversation', async () => {
    await a.reload();
    await a.getByRole('heading', { name: '# Project Nexus' }).waitFor();
    await messageIn(a, 'Thanks for the invite').waitFor();
    mkdirSync(new URL('../../docs', import.meta.url), { recursive: true });
    await a.screenshot({ path: new URL('../../docs/screenshot.png', import.meta.url).pathname });
  });

  await step('bob opens a direct message from the people search', async () => {
    await b.getByRole('searchbox', { name: 'Message someone' }).fill(alice.username);
    await b
      .getByRole('list', { name: 'Message someone results' })
      .getByRole('button', { name: new RegExp(alice.name) })
      .click();
    await b.getByRole('heading', { name: alice.name }).waitFor();
    await b.getByRole('textbox', { name: 'Message', exact: true }).fill('A private hello');
    await b.keyboard.press('Enter');
    await a.getByTestId('room-link').filter({ hasText: bob.name }).waitFor({ timeout: LIVE });
  });

  await step('infinite scroll walks 120 seeded messages back to the beginning', async () => {
    const login = await api('/auth/login', {
      method: 'POST',
      body: { email: alice.email, password: PASSWORD },
    });
    const room = await api('/rooms', {
      method: 'POST',
      token: login.access_token,
      body: { name: 'History', member_ids: [] },
    });
    for (let i = 1; i <= 120; i++) {
      await api(`/rooms/${room.id}/messages`, {
        method: 'POST',
        token: login.access_token,
        body: { content: `Seeded message ${i}` },
      });
    }
    await a.goto(`/chat/${room.id}`);
    await messageIn(a, 'Seeded message 120').waitFor();
    const scroller = a.getByTestId('message-scroller');
    for (let i = 0; i < 10 && !(await a.getByTestId('conversation-start').isVisible()); i++) {
      await scroller.evaluate((el) => (el.scrollTop = 0));
      await a.waitForTimeout(300);
    }
    await a.getByTestId('conversation-start').waitFor();
    await messageIn(a, 'Seeded message 1').first().waitFor();
    const count = await a.getByTestId('message').count();
    if (count !== 120) throw new Error(`expected 120 messages, saw ${count}`);
  });

  await step(
    'keyboard only: sign in, pick a room with the arrow keys, send, open and close a dialog',
    async () => {
      const k = await newUserPage();
      await k.goto('/login');
      await k.getByLabel('Email').focus();
      await k.keyboard.type(bob.email);
      await k.keyboard.press('Tab');
      await k.keyboard.type(PASSWORD);
      await k.keyboard.press('Enter');
      await k.waitForURL('**/chat');
      await k.getByTestId('room-link').first().waitFor();
      await k.getByTestId('room-link').first().focus();
      await k.keyboard.press('ArrowDown');
      await k.keyboard.press('ArrowUp');
      await k.keyboard.press('Enter');
      await k.getByRole('textbox', { name: 'Message', exact: true }).waitFor();
      await k.getByRole('textbox', { name: 'Message', exact: true }).focus();
      await k.keyboard.type('Typed without a mouse');
      await k.keyboard.press('Enter');
      await messageIn(k, 'Typed without a mouse').waitFor();
      await k.getByRole('button', { name: 'Room info' }).focus();
      await k.keyboard.press('Enter');
      await k.getByRole('dialog').waitFor();
      await k.keyboard.press('Escape');
      await k.getByRole('dialog').waitFor({ state: 'detached' });
      await k.context().close();
    },
  );

  failed = summary();
} catch {
  summary();
  failed = 1;
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
