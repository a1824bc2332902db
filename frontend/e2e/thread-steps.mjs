// Threads with two users (issue 14, item 5): bob replies in a thread from its side panel, alice
// sees "1 reply" live under her message, opens the panel, reads bob's reply there, and her
// Threads badge clears once she has read it. Escape closes the panel and gives focus back.
import { api, receivedFrames, step } from './harness.mjs';

const roomLink = (page, roomId) => page.locator(`a[data-testid="room-link"][href="/chat/${roomId}"]`);
const composer = (page) => page.getByRole('textbox', { name: 'Message', exact: true });
const timeline = (page) => page.getByRole('list', { name: 'Messages', exact: true });
const panel = (page) => page.getByTestId('thread-panel');
const inList = (list, page, text) =>
  list.getByTestId('message').filter({ has: page.getByTestId('message-content').filter({ hasText: text }) });

/** The number on the Threads badge (0 when there is none), once it reads `expected`. */
const badgeReads = (page, expected, timeout) =>
  page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="threads-badge"]')?.dataset.count ?? '0') === n,
    expected,
    { timeout },
  );

export async function threadSteps({ a, b, alice, password, roomId, live }) {
  await step(
    'bob replies in a thread from its panel; alice sees it live, opens it, and reads it',
    async () => {
      const framesA = receivedFrames(a);
      // Earlier steps left alice threads of her own (bob's reply to her first message): her badge
      // starts from what the server counts now.
      const { access_token: token } = await api('/auth/login', {
        method: 'POST',
        body: { email: alice.email, password },
      });
      const before = (await api('/threads', { token })).total_unread_count;
      await a.goto(`/chat/${roomId}`);
      await b.goto(`/chat/${roomId}`);
      await composer(a).fill('Shall we plan the launch party?');
      await a.keyboard.press('Enter');
      const onB = inList(timeline(b), b, 'Shall we plan the launch party?');
      await onB.waitFor({ timeout: live });

      // Bob: "Reply in thread" opens the panel with the root, focus in it; his reply goes from its box.
      await onB.hover();
      await onB.getByRole('button', { name: 'Reply in thread' }).click();
      const bobsPanel = panel(b);
      await inList(bobsPanel, b, 'Shall we plan the launch party?').waitFor();
      await b.waitForFunction(() => document.activeElement?.id === 'thread-panel-title');
      await bobsPanel.getByRole('textbox', { name: 'Reply in thread' }).fill('Friday at six works for me');
      await b.keyboard.press('Enter');
      await inList(bobsPanel.getByRole('list', { name: 'Replies' }), b, 'Friday at six works for me').waitFor(
        {
          timeout: live,
        },
      );
      // A reply is in the room's timeline too, quoting what it answers.
      await inList(timeline(b), b, 'Friday at six works for me').getByTestId('reply-link').waitFor();

      // Alice: the root's line says "1 reply" without a reload, and her Threads badge counts it.
      const alicesRoot = inList(timeline(a), a, 'Shall we plan the launch party?');
      const summary = alicesRoot.getByTestId('thread-summary');
      await summary.filter({ hasText: '1 reply' }).waitFor({ timeout: live });
      if (!framesA.some((f) => f.includes('"thread_updated"')))
        throw new Error('alice saw "1 reply", but no thread_updated frame brought it');
      await badgeReads(a, before + 1, live);

      await summary.click();
      const alicesPanel = panel(a);
      await inList(
        alicesPanel.getByRole('list', { name: 'Replies' }),
        a,
        'Friday at six works for me',
      ).waitFor();
      await badgeReads(a, before, live);

      // The sidebar lists the followed thread; Escape closes the panel and focus goes back.
      await a.getByTestId('threads-entry').click();
      await a
        .getByRole('list', { name: 'Followed threads' })
        .getByText('Shall we plan the launch party?')
        .waitFor();
      await a.getByTestId('threads-entry').click();
      await alicesPanel.getByRole('heading', { name: 'Thread' }).click();
      await a.keyboard.press('Escape');
      await alicesPanel.waitFor({ state: 'detached' });
      await b.keyboard.press('Escape');
      await bobsPanel.waitFor({ state: 'detached' });
      // A reload keeps the count: it is the server's.
      await a.reload();
      await inList(timeline(a), a, 'Shall we plan the launch party?')
        .getByTestId('thread-summary')
        .filter({ hasText: '1 reply' })
        .waitFor({ timeout: live });
      await roomLink(a, roomId).waitFor();
    },
  );
}
