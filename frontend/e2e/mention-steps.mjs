// Mentions and per-room mute with two users (issue 14, item 2): the composer's @-autocomplete, the
// mention badge in the other user's sidebar, reading clears it, and a mute that survives a reload.
import { messageIn, step } from './harness.mjs';

const composer = (page) => page.getByRole('textbox', { name: 'Message', exact: true });
const roomLink = (page, roomId) => page.locator(`a[data-testid="room-link"][href="/chat/${roomId}"]`);

export async function mentionSteps({ a, b, bob, roomId, live }) {
  await step(
    'alice mentions bob from the autocomplete; his badge shows it until he opens the room',
    async () => {
      await a.goto(`/chat/${roomId}`);
      await composer(a).pressSequentially('Ping @bo', { delay: 20 });
      const option = a.getByRole('listbox', { name: 'Mention someone' }).getByRole('option', {
        name: new RegExp(`@${bob.username}`),
      });
      await option.waitFor();
      // Arrow keys reach bob's row (whatever its place), Enter picks it.
      for (let i = 0; i < 8 && (await option.getAttribute('aria-selected')) !== 'true'; i++)
        await a.keyboard.press('ArrowDown');
      await a.keyboard.press('Enter');
      const picked = await composer(a).inputValue();
      if (picked !== `Ping @${bob.username} `) throw new Error(`the composer holds "${picked}"`);
      await composer(a).pressSequentially('please review', { delay: 10 });
      await a.keyboard.press('Enter');
      const sent = messageIn(a, 'please review');
      await sent
        .getByTestId('mention')
        .filter({ hasText: `@${bob.username}` })
        .waitFor({ timeout: live });

      await b.goto('/chat');
      const badge = roomLink(b, roomId).getByTestId('mention-badge');
      await badge.filter({ hasText: '@1' }).waitFor({ timeout: live });
      await roomLink(b, roomId).click();
      const received = messageIn(b, 'please review');
      await received.waitFor();
      if ((await received.getAttribute('data-mentions-me')) !== 'true')
        throw new Error('the mention of bob is not marked as his');
      await badge.waitFor({ state: 'detached', timeout: live });

      // The Mentions view lists it too, and leads back into the room.
      await b.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Mentions' }).click();
      const item = b.getByTestId('mention-item').filter({ hasText: 'please review' });
      await item.waitFor();
      await item.getByRole('link').click();
      await messageIn(b, 'please review').waitFor();
    },
  );

  await step('bob mutes the room: it shows dimmed, and the mute persists on reload', async () => {
    const toggle = b.getByTestId('mute-toggle');
    await toggle.filter({ hasText: /^Mute$/ }).waitFor();
    await toggle.click();
    await toggle.filter({ hasText: 'Unmute' }).waitFor();
    await roomLink(b, roomId).and(b.locator('[data-muted="true"]')).waitFor();
    await b.reload();
    await b.getByTestId('mute-toggle').filter({ hasText: 'Unmute' }).waitFor();
    if ((await b.getByTestId('mute-toggle').getAttribute('aria-pressed')) !== 'true')
      throw new Error('the mute toggle does not say it is pressed');
    await roomLink(b, roomId).getByTestId('muted-marker').waitFor();
    // Back as it was for the steps after this one.
    await b.getByTestId('mute-toggle').click();
    await b
      .getByTestId('mute-toggle')
      .filter({ hasText: /^Mute$/ })
      .waitFor();
  });
}
