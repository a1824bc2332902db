// Message search in the browser: one user finds what another wrote and opens it in its room.
import { api, messageIn, step } from './harness.mjs';

/**
 * Bob posts "the quarterly report is ready" among other messages in a room he shares with Alice;
 * Alice searches "quarterly" from the sidebar, sees the match marked in the snippet, opens it, and
 * the room shows that message highlighted in view, with its neighbours in both directions.
 */
export async function searchSteps({ a, alice, bob, password }) {
  await step('alice finds what bob wrote by search and opens it in its room', async () => {
    const login = (user) => api('/auth/login', { method: 'POST', body: { email: user.email, password } });
    const { access_token: token } = await login(bob);
    const { user: me } = await login(alice);
    // A room of its own: the later steps count messages of the shared room's newest page.
    const room = await api('/rooms', {
      method: 'POST',
      token,
      body: { name: 'Quarterly', member_ids: [me.id] },
    });
    const roomId = room.id;
    const post = (content) => api(`/rooms/${roomId}/messages`, { method: 'POST', token, body: { content } });
    for (let i = 1; i <= 40; i++) await post(`Earlier chatter ${i}`);
    await post('the quarterly report is ready');
    for (let i = 1; i <= 60; i++) await post(`Later chatter ${i}`);

    await a.goto('/chat');
    const box = a
      .getByRole('search', { name: 'Messages' })
      .getByRole('searchbox', { name: 'Search messages' });
    await box.fill('quarterly');
    await box.press('Enter');
    const result = a.getByTestId('search-result').filter({ hasText: 'the quarterly report is ready' });
    await result.waitFor();
    const marked = await result.locator('mark').allTextContents();
    if (marked.join('|').toLowerCase() !== 'quarterly') throw new Error(`marked in the snippet: ${marked}`);
    await result.click();

    await a.waitForURL(`**/chat/${roomId}?around=*`);
    const target = messageIn(a, 'the quarterly report is ready');
    await target.waitFor();
    await a
      .locator('[data-testid="message"][data-highlighted="true"]', { hasText: 'quarterly report' })
      .waitFor();
    const inView = await target.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const scroller = el.closest('[data-testid="message-scroller"]').getBoundingClientRect();
      return box.top >= scroller.top && box.bottom <= scroller.bottom;
    });
    if (!inView) throw new Error('the message opened from search is not in view');
    // Its neighbours on both sides are there to scroll to.
    await messageIn(a, 'Earlier chatter 40').waitFor();
    await messageIn(a, /^Later chatter 1$/).waitFor();
    await a.getByTestId('message-scroller').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await messageIn(a, 'Later chatter 60').waitFor({ timeout: 15_000 });
    // Back to the live history, which has the newest message too.
    await a.getByRole('button', { name: /Jump to latest/ }).click();
    await a.waitForURL(`**/chat/${roomId}`);
    await messageIn(a, 'Later chatter 60').waitFor();
  });
}
