// Browser flows over the real /ws: delivery by socket (no polling meanwhile), typing, read sync across
// tabs, presence, a 4001 on token expiry, a burst while a tab connects, and a server restart with
// catch-up.
import {
  api,
  canControlServer,
  messageIn,
  receivedFrames,
  scrollToBeginning,
  serverControl,
  socketOpen,
  step,
  trackFrames,
  withExpiry,
} from './harness.mjs';

const composer = (page) => page.getByRole('textbox', { name: 'Message', exact: true });
const roomLink = (page, name) => page.getByTestId('room-link').filter({ hasText: name });
const expectCount = async (locator, expected, label) => {
  const count = await locator.count();
  if (count !== expected) throw new Error(`${label}: expected ${expected}, saw ${count}`);
};

/** The message-page requests the REST fallback polls with (no cursor, no after): none while the socket is up. */
function latestPageRequests(page, roomId) {
  const seen = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (
      request.method() === 'GET' &&
      url.pathname === `/api/v1/rooms/${roomId}/messages` &&
      !url.searchParams.has('cursor') &&
      !url.searchParams.has('after')
    )
      seen.push(Date.now());
  });
  return seen;
}

const login = (user, password) =>
  api('/auth/login', { method: 'POST', body: { email: user.email, password } });
const accessToken = async (user, password) => (await login(user, password)).access_token;

/** A user made over the API only, signed in: `{id, token}`. */
async function apiUser(name, password) {
  const suffix = `${Date.now() % 1_000_000}${Math.floor(Math.random() * 1000)}`;
  const user = { email: `${name}_${suffix}@example.test`, username: `${name}_${suffix}` };
  await api('/auth/register', {
    method: 'POST',
    body: { ...user, display_name: `${name} ${suffix}`, password },
  });
  const session = await login(user, password);
  return { id: session.user.id, token: session.access_token };
}

/**
 * Holds the answers to the page's newest-page requests for a room (no cursor, no after) until
 * `release()`: the server reads them at once, the page gets them late, as over a slow link.
 */
async function holdNewestPage(page, roomId) {
  let release;
  const released = new Promise((resolve) => (release = resolve));
  await page.route(
    (url) =>
      url.pathname === `/api/v1/rooms/${roomId}/messages` &&
      !url.searchParams.has('cursor') &&
      !url.searchParams.has('after'),
    async (route) => {
      if (route.request().method() !== 'GET') return route.continue();
      const response = await route.fetch();
      await released;
      return route.fulfill({ response });
    },
  );
  return release;
}

/** The texts of the open room's messages as shown, top to bottom. */
const shownTexts = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="message-content"]')].map((el) => el.textContent),
  );

/** What is wrong with `shown` against `expected`: missing, doubled, or out of order. */
function difference(shown, expected) {
  const counts = new Map();
  for (const text of shown) counts.set(text, (counts.get(text) ?? 0) + 1);
  const missing = expected.filter((text) => !counts.has(text));
  const doubled = [...counts].filter(([, n]) => n > 1).map(([text]) => text);
  const firstOutOfOrder = shown.findIndex((text, i) => text !== expected[i]);
  return `missing ${JSON.stringify(missing)}, doubled ${JSON.stringify(doubled)}, first difference at ${firstOutOfOrder}`;
}

export async function liveSteps({ a, b, newUserPage, alice, bob, password, roomId }) {
  const bobToken = () => accessToken(bob, password);
  const framesB = receivedFrames(b);

  await step('a message arrives over the open socket; typing shows and clears; nothing polls', async () => {
    await roomLink(b, 'Project Nexus').click();
    await messageIn(b, 'Thanks for the invite').waitFor();
    await socketOpen(a);
    await socketOpen(b);
    const polls = latestPageRequests(b, roomId);
    const started = Date.now();

    await composer(a).fill('Delivered by the socket');
    await a.keyboard.press('Enter');
    // Well inside the 4 s polling period: only the socket can have brought it.
    await messageIn(b, 'Delivered by the socket').waitFor({ timeout: 2500 });
    if (!framesB.some((f) => f.includes('"new_message"') && f.includes('Delivered by the socket')))
      throw new Error('the message was shown but no new_message frame carried it');

    await composer(a).pressSequentially('Still typ', { delay: 30 });
    const typing = b.getByTestId('typing-indicator');
    await typing.getByText(`${alice.name} is typing…`).waitFor({ timeout: 2500 });
    // Alice pauses: after 3 s idle her client sends typing_stop and Bob's indicator empties.
    await typing.filter({ hasText: 'typing' }).waitFor({ state: 'detached', timeout: 6000 });
    await composer(a).fill('');

    // Observe a little longer than one polling period in all before judging.
    const left = started + 5000 - Date.now();
    if (left > 0) await b.waitForTimeout(left);
    if (polls.length) throw new Error(`the client polled ${polls.length} time(s) while its socket was open`);
  });

  await step("read_updated clears the unread badge in the same user's other tab", async () => {
    const second = trackFrames(await b.context().newPage());
    await second.goto('/chat');
    await socketOpen(second);
    await roomLink(b, alice.name).click(); // the first tab leaves the room, so the next message is unread
    await b.getByRole('heading', { name: alice.name }).waitFor();
    await composer(a).fill('Read in another tab');
    await a.keyboard.press('Enter');
    const badge = roomLink(second, 'Project Nexus').getByTestId('unread-badge');
    await badge.waitFor({ timeout: 5000 });
    await roomLink(b, 'Project Nexus').click();
    await messageIn(b, 'Read in another tab').waitFor();
    await badge.waitFor({ state: 'detached', timeout: 5000 });
    await second.close();
  });

  await step("the presence dot follows the other user's browser", async () => {
    const dot = roomLink(a, bob.name).getByTestId('presence-dot');
    await dot.and(a.locator('[data-online="true"]')).waitFor({ timeout: 5000 });
    await b.context().close();
    await dot.and(a.locator('[data-online="false"]')).waitFor({ timeout: 10_000 });
    const back = await newUserPage();
    await back.goto('/login');
    await back.getByLabel('Email').fill(bob.email);
    await back.getByLabel('Password').fill(password);
    await back.getByRole('button', { name: 'Sign in' }).click();
    await back.waitForURL('**/chat');
    await dot.and(a.locator('[data-online="true"]')).waitFor({ timeout: 10_000 });
    await back.context().close();
  });

  await step(
    'an expiring token: the server closes with 4001, the client refreshes and reconnects',
    async () => {
      const tab = trackFrames(await a.context().newPage());
      const frames = receivedFrames(tab);
      let shortened = false;
      // The first refresh hands the tab a token that expires in 20 s (the client renews 10 s early on
      // connect, so the socket opens with it and the server must close it when it runs out).
      await tab.route('**/api/v1/auth/refresh', async (route) => {
        const response = await route.fetch();
        if (shortened || !response.ok()) return route.fulfill({ response });
        shortened = true;
        const body = await response.json();
        return route.fulfill({
          response,
          json: { ...body, access_token: withExpiry(body.access_token, 20) },
        });
      });
      await tab.goto(`/chat/${roomId}`);
      await socketOpen(tab);
      await tab.waitForFunction(() => window.__socketProbe.closeCodes.includes(4001), null, {
        timeout: 40_000,
      });
      await socketOpen(tab, 2);
      const token = await bobToken();
      await api(`/rooms/${roomId}/messages`, {
        method: 'POST',
        token,
        body: { content: 'After the renewal' },
      });
      await messageIn(tab, 'After the renewal').waitFor({ timeout: 2500 });
      if (!frames.some((f) => f.includes('After the renewal')))
        throw new Error('the message after the renewal did not come over the new socket');
      if (!shortened) throw new Error('the short-lived token was never handed out');
      await tab.close();
    },
  );

  await step('a second tab of a user opened right before others post a burst misses nothing', async () => {
    const { user: bobUser, access_token: bobAccess } = await login(bob, password);
    const others = [
      { id: bobUser.id, token: bobAccess },
      ...(await Promise.all(['carol', 'dave'].map((n) => apiUser(n, password)))),
    ];
    const room = await api('/rooms', {
      method: 'POST',
      token: await accessToken(alice, password),
      body: { name: 'Burst', member_ids: others.map((o) => o.id) },
    });
    const PER_SENDER = 20;
    // Each sender posts its own in order; the three run at once, so history interleaves them.
    const post = (from, to) =>
      Promise.all(
        others.map(async ({ token }, sender) => {
          for (let n = from; n < to; n++)
            await api(`/rooms/${room.id}/messages`, {
              method: 'POST',
              token,
              body: { content: `Burst ${sender + 1}.${n + 1}` },
            });
        }),
      );

    const tab = trackFrames(await a.context().newPage());
    const frames = receivedFrames(tab);
    // The room's first page, read early and answered only after the burst: messages keep coming live
    // while the tab has no history to put them in yet.
    const releaseNewestPage = await holdNewestPage(tab, room.id);
    const opening = tab.goto(`/chat/${room.id}`);
    await post(0, PER_SENDER / 2); // while the page loads
    await opening;
    // The second half from the socket's open event on: across the server's ready, and after it.
    await tab.waitForFunction(() => window.__socketProbe.opens >= 1, null, { polling: 10, timeout: 15_000 });
    await post(PER_SENDER / 2, PER_SENDER);
    releaseNewestPage();

    const history = await api(`/rooms/${room.id}/messages?limit=100`, { token: others[0].token });
    const expected = history.messages.map((m) => m.content);
    if (expected.length !== others.length * PER_SENDER)
      throw new Error(`the room holds ${expected.length} messages, not ${others.length * PER_SENDER}`);
    await messageIn(tab, expected.at(-1)).first().waitFor({ timeout: 15_000 });
    await scrollToBeginning(tab);
    await tab
      .waitForFunction(
        (texts) => {
          const shown = [...document.querySelectorAll('[data-testid="message-content"]')];
          return shown.length === texts.length && shown.every((el, i) => el.textContent === texts[i]);
        },
        expected,
        { timeout: 10_000 },
      )
      .catch(async () => {
        throw new Error(
          `the tab does not show the burst once each in order: ${difference(await shownTexts(tab), expected)}`,
        );
      });
    const live = frames.filter((f) => f.includes('"new_message"') && f.includes('Burst ')).length;
    console.log(`    ${live} of ${expected.length} came over the socket, the rest by REST`);
    await tab.close();
  });
}

/** Last in the run: it stops and starts the shared node. */
export async function restartStep({ a, bob, password, roomId }) {
  const bobToken = () => accessToken(bob, password);
  await step(
    'the server restarts mid-session: banner while down, nothing lost or doubled after',
    async () => {
      if (!canControlServer) throw new Error('needs WebClientE2EIT to restart the server');
      const framesA = receivedFrames(a);
      await a.goto(`/chat/${roomId}`);
      await socketOpen(a);
      // Keep Alice's socket down until Bob's messages are in, so they can only come by the catch-up.
      await a.evaluate(() => (window.__socketProbe.blocked = true));
      await serverControl('stop-server');
      await a
        .getByTestId('connection-banner')
        .getByText(/Reconnecting/)
        .waitFor({ timeout: 10_000 });
      await composer(a).fill('Written while the server was down');
      await a.keyboard.press('Enter');
      const written = messageIn(a, 'Written while the server was down');
      await written.getByText('Not sent.').waitFor({ timeout: 15_000 });

      await serverControl('start-server');
      const token = await bobToken();
      for (const content of ['Missed while away 1', 'Missed while away 2']) {
        await api(`/rooms/${roomId}/messages`, { method: 'POST', token, body: { content } });
      }
      // Sending falls back to REST while the socket is still down.
      await written.getByRole('button', { name: 'Retry' }).click();
      await written.getByText('Not sent.').waitFor({ state: 'detached', timeout: 10_000 });
      await a.getByTestId('connection-banner').waitFor({ state: 'attached' });

      await a.evaluate(() => (window.__socketProbe.blocked = false));
      await a
        .getByTestId('connection-banner')
        .waitFor({ state: 'detached', timeout: 40_000 })
        .catch(async (error) => {
          const probe = await a.evaluate(() => JSON.stringify(window.__socketProbe));
          throw new Error(`${error.message}\nsocket probe: ${probe}`);
        });
      await messageIn(a, 'Missed while away 2').waitFor({ timeout: 10_000 });
      if (framesA.some((f) => f.includes('Missed while away')))
        throw new Error('the missed messages came over the socket, so the catch-up was not what showed them');
      // A live message after the catch-up proves the cache settled; then count each exactly once.
      await api(`/rooms/${roomId}/messages`, { method: 'POST', token, body: { content: 'Live again' } });
      await messageIn(a, 'Live again').waitFor({ timeout: 5000 });
      await expectCount(messageIn(a, 'Missed while away 1'), 1, 'first missed message');
      await expectCount(messageIn(a, 'Missed while away 2'), 1, 'second missed message');
      await expectCount(messageIn(a, 'Written while the server was down'), 1, 'message sent by REST');
      await expectCount(messageIn(a, 'Delivered by the socket'), 1, 'message from before the restart');
    },
  );
}
