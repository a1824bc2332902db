// End-to-end flows in a real Chromium against a running server: BASE_URL=http://host:port npm run e2e
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import {
  api,
  BASE_URL,
  closeServerControl,
  expectNoAxeViolations,
  messageIn,
  scrollToBeginning,
  socketProbe,
  step,
  summary,
  trackFrames,
  uniqueIp,
} from './harness.mjs';
import { liveSteps, restartStep } from './live-steps.mjs';
import { mentionSteps } from './mention-steps.mjs';
import { formattingSteps } from './formatting-steps.mjs';
import { reactionSteps } from './reaction-steps.mjs';
import { searchSteps } from './search-steps.mjs';
import { threadSteps } from './thread-steps.mjs';
import { uploadSteps } from './upload-steps.mjs';

const PASSWORD = 'Correct-Horse-9';
const suffix = `${Date.now() % 1_000_000}`;
const alice = { username: `alice_${suffix}`, email: `alice_${suffix}@example.test`, name: `Alice ${suffix}` };
const bob = { username: `bob_${suffix}`, email: `bob_${suffix}@example.test`, name: `Bob ${suffix}` };
// 'uploads': two users, a room and the files steps only (S3WebClientE2EIT, a node in S3 mode)
const ONLY = process.env.E2E_ONLY ?? '';
const LIVE = 15_000; // socket or, without it, the REST polling fallback (live-steps.mjs holds the socket to less)

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
  await context.addInitScript(socketProbe);
  return trackFrames(await context.newPage());
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

/** When the sidebar's room list (or its empty state) first showed, in ms from navigation start. */
const roomListShownAt = async (page) =>
  Math.round(
    await (
      await page.waitForFunction(
        () =>
          document.querySelector('ul[aria-label="Rooms"]') ||
          document.body.textContent?.includes('No rooms yet')
            ? performance.now()
            : null,
        null,
        { polling: 'raf', timeout: 15_000 },
      )
    ).jsonValue(),
  );

/** A room of Alice's holding these messages, posted `parallel` at a time over the API. */
async function seedRoom(name, texts, parallel) {
  const { access_token: token } = await api('/auth/login', {
    method: 'POST',
    body: { email: alice.email, password: PASSWORD },
  });
  const room = await api('/rooms', { method: 'POST', token, body: { name, member_ids: [] } });
  for (let i = 0; i < texts.length; i += parallel) {
    await Promise.all(
      texts
        .slice(i, i + parallel)
        .map((content) => api(`/rooms/${room.id}/messages`, { method: 'POST', token, body: { content } })),
    );
  }
  return room;
}

/**
 * Runs in the page: scrolls the list from the top to the bottom and back, 150 px a frame, timing
 * every animation frame and counting long tasks (main-thread work over 50 ms) meanwhile.
 */
async function measureScroll(el) {
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const deltas = [];
  let maxRows = 0;
  let px = 0;
  const started = performance.now();
  let last = started;
  for (const direction of [1, -1]) {
    for (let guard = 0; guard < 2000; guard++) {
      const now = await new Promise((resolve) => requestAnimationFrame(resolve));
      deltas.push(now - last);
      last = now;
      maxRows = Math.max(maxRows, el.querySelectorAll('[data-testid="message"]').length);
      const before = el.scrollTop;
      el.scrollTop += 150 * direction;
      px += Math.abs(el.scrollTop - before);
      if (el.scrollTop === before) break;
    }
  }
  observer.disconnect();
  const sorted = deltas.slice(1).sort((x, y) => x - y);
  const at = (q) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]);
  return {
    frames: sorted.length,
    ms: Math.round(last - started),
    px,
    median: at(0.5),
    p95: at(0.95),
    worst: Math.round(sorted.at(-1)),
    longTasks: longTasks.length,
    longTaskMs: Math.round(longTasks.reduce((sum, t) => sum + t.duration, 0)),
    maxRows,
  };
}

let failed = 1;
let projectRoomId = null;
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
    // Meaningful paint: the session restored and the room list rendered, in page time from navigation
    // start (rAF polling, so within a frame). Several loads: one run on a shared machine is noise.
    const loads = [];
    for (let i = 0; i < 5; i++) {
      await a.goto('/chat');
      loads.push(await roomListShownAt(a));
    }
    const sorted = loads.toSorted((x, y) => x - y);
    const median = sorted[Math.floor(sorted.length / 2)];
    const worst = sorted.at(-1);
    console.log(
      `    /chat room list shown after ${loads.join(', ')} ms: median ${median} ms, worst ${worst} ms`,
    );
    // The target is 1 s; the guard is looser because CI shares two cores with a Liberty and a database.
    if (median > 2000) throw new Error(`the room list took a median ${median} ms to appear`);
    await a.getByText('No rooms yet').waitFor();
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
    projectRoomId = new URL(a.url()).pathname.split('/').pop();
  });

  if (ONLY === 'uploads') {
    await uploadSteps({ a, b, screenshot: false });
  } else {
    await step('messages are exchanged and the unread badge rises and clears', async () => {
      await a.getByRole('textbox', { name: 'Message', exact: true }).fill('Hello Bob, welcome!');
      await a.keyboard.press('Enter');
      await messageIn(a, 'Hello Bob, welcome!').waitFor();
      const badge = b
        .getByTestId('room-link')
        .filter({ hasText: 'Project Nexus' })
        .getByTestId('unread-badge');
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

    await step('room info shows members and roles; the owner renames the room, a member cannot', async () => {
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

      // The owner renames the room; a bad name gets the server's field error first.
      await panel.getByRole('button', { name: 'Edit room' }).click();
      const form = panel.getByRole('form', { name: 'Edit room' });
      await form.getByLabel('Room name').fill('x'.repeat(101));
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByRole('alert').waitFor();
      await form.getByLabel('Room name').fill('Project Nexus HQ');
      await form.getByLabel('Description').fill('Where the launch is planned');
      await form.getByRole('button', { name: 'Save' }).click();
      await panel.getByText('Where the launch is planned').waitFor();
      await a.getByRole('heading', { name: '# Project Nexus HQ' }).waitFor();
      await b.getByRole('heading', { name: '# Project Nexus HQ' }).waitFor({ timeout: LIVE });
      // The owner cannot simply leave: the error says what to do instead.
      await panel.getByRole('button', { name: 'Leave room' }).click();
      await panel.getByRole('alert').filter({ hasText: 'Make another member the owner first' }).waitFor();
      // A plain member sees the room's details but no control to change them.
      await b.getByRole('button', { name: 'Room info' }).click();
      const bobsPanel = b.getByRole('dialog', { name: 'Project Nexus HQ' });
      await bobsPanel.getByText('Where the launch is planned').waitFor();
      if (await bobsPanel.getByRole('button', { name: 'Edit room' }).count())
        throw new Error('a plain member was offered the room edit');
      await b.keyboard.press('Escape');

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

    await mentionSteps({ a, b, bob, roomId: projectRoomId, live: LIVE });
    await reactionSteps({ a, b });
    await threadSteps({ a, b, alice, password: PASSWORD, roomId: projectRoomId, live: LIVE });
    await uploadSteps({ a, b });

    await liveSteps({ a, b, newUserPage, alice, bob, password: PASSWORD, roomId: projectRoomId });

    await formattingSteps({ newUserPage, alice, bob, password: PASSWORD });

    await step('infinite scroll walks 120 seeded messages back to the beginning', async () => {
      const texts = Array.from({ length: 120 }, (_, i) => `Seeded message ${i + 1}`);
      const room = await seedRoom('History', texts, 1); // one at a time: their order is the test
      await a.goto(`/chat/${room.id}`);
      await messageIn(a, 'Seeded message 120').waitFor();
      await scrollToBeginning(a);
      await messageIn(a, 'Seeded message 1').first().waitFor();
      const count = await a.getByTestId('message').count();
      if (count !== 120) throw new Error(`expected 120 messages, saw ${count}`);
    });

    await step('a 1000-message room scrolls (frame times measured)', async () => {
      const texts = Array.from(
        { length: 1000 },
        (_, i) =>
          `Message ${i + 1}${i % 7 === 0 ? ': a longer one that wraps onto a second line '.repeat(3) : ''}`,
      );
      const room = await seedRoom('Thousand', texts, 10);
      await a.goto(`/chat/${room.id}`);
      await a.getByTestId('message').first().waitFor();
      await scrollToBeginning(a);
      const result = await a.getByTestId('message-scroller').evaluate(measureScroll);
      console.log(
        `    1000 messages: ${result.frames} frames over ${result.ms} ms of scripted scrolling (${result.px} px): ` +
          `median ${result.median} ms, p95 ${result.p95} ms, worst ${result.worst} ms a frame; ` +
          `${result.longTasks} long tasks (${result.longTaskMs} ms); ${result.maxRows} rows in the DOM`,
      );
      // Loose for a shared 2-core CI machine; the numbers are in docs/PERFORMANCE.md.
      if (result.p95 > 100) throw new Error(`p95 frame time ${result.p95} ms while scrolling`);
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

    await step(
      'settings: a new display name and avatar are saved and shown; the mute choice persists',
      async () => {
        await a.goto('/settings');
        const profile = a.getByRole('form', { name: 'Profile' });
        await profile.getByLabel('Display name').fill(`${alice.name} (Ops)`);
        await profile.getByLabel('Avatar URL').fill('https://avatars.example.test/alice.png');
        await profile.getByRole('button', { name: 'Save profile' }).click();
        await profile.getByRole('status').getByText('Saved.').waitFor();
        const account = a.getByRole('navigation', { name: 'Account' });
        await account.getByText(`${alice.name} (Ops)`).waitFor();
        const src = await account.locator('img').getAttribute('src');
        if (src !== 'https://avatars.example.test/alice.png') throw new Error(`the header avatar is ${src}`);
        const mute = a.getByRole('checkbox', { name: 'Mute the new-message sound' });
        if (await mute.isChecked()) throw new Error('muted before anyone asked');
        await mute.check();
        await a.reload();
        await account.getByText(`${alice.name} (Ops)`).waitFor();
        if (!(await mute.isChecked())) throw new Error('the mute choice was lost on reload');
      },
    );

    await searchSteps({ a, alice, bob, password: PASSWORD });

    await restartStep({ a, bob, password: PASSWORD, roomId: projectRoomId });
  }

  failed = summary();
} catch {
  summary();
  failed = 1;
} finally {
  closeServerControl();
  await browser.close();
}
process.exit(failed ? 1 : 0);
