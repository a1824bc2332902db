// Reactions between two users: the keyboard picker (a lazily loaded chunk), live chips over /ws,
// counts and "pressed" per user, and taking a reaction back.
import { messageIn, receivedFrames, step } from './harness.mjs';

const roomLink = (page, name) => page.getByTestId('room-link').filter({ hasText: name });
const chip = (message, name) => message.getByRole('button', { name, exact: true });
const pressed = async (locator, expected, label) => {
  const value = await locator.getAttribute('aria-pressed');
  if (value !== String(expected)) throw new Error(`${label}: aria-pressed is ${value}, not ${expected}`);
};
const focusedLabel = (page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));

export async function reactionSteps({ a, b }) {
  await step(
    'alice reacts with the keyboard, bob sees it live, adds his, alice takes hers back',
    async () => {
      const framesB = receivedFrames(b);
      await roomLink(a, 'Project Nexus').click();
      await roomLink(b, 'Project Nexus').click();
      const onA = messageIn(a, 'Thanks for the invite');
      const onB = messageIn(b, 'Thanks for the invite');
      await onA.waitFor();
      await onB.waitFor();

      // Keyboard only: open, search, arrow into the results, Enter picks; focus comes back.
      const add = onA.getByRole('button', { name: 'Add reaction' });
      await add.focus();
      await a.keyboard.press('Enter');
      const picker = a.getByRole('dialog', { name: 'Choose a reaction' });
      const search = picker.getByLabel('Search emoji');
      await search.waitFor({ timeout: 10_000 });
      // The emoji (grid cells) show once the data has come from /emojibase.
      await picker.getByRole('gridcell', { name: 'Grinning face', exact: true }).waitFor({ timeout: 10_000 });
      await a.keyboard.type('thumbs up');
      await picker.getByRole('gridcell', { name: 'Thumbs up', exact: true }).waitFor();
      await a.keyboard.press('ArrowDown');
      await a.keyboard.press('Enter');
      await picker.waitFor({ state: 'detached' });
      await a.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Add reaction');

      const alices = chip(onA, '👍 1 reaction, including you');
      await alices.waitFor();
      await pressed(alices, true, "alice's chip");
      const seenByBob = chip(onB, '👍 1 reaction');
      await seenByBob.waitFor({ timeout: 5000 });
      await pressed(seenByBob, false, "bob's chip before he reacts");
      if (!framesB.some((f) => f.includes('"reaction_added"')))
        throw new Error('bob saw the reaction, but no reaction_added frame brought it');

      await seenByBob.click();
      const bobs = chip(onB, '👍 2 reactions, including you');
      await bobs.waitFor();
      await pressed(bobs, true, "bob's chip");
      await chip(onA, '👍 2 reactions, including you').waitFor({ timeout: 5000 });

      await chip(onA, '👍 2 reactions, including you').click();
      const alicesAfter = chip(onA, '👍 1 reaction');
      await alicesAfter.waitFor();
      await pressed(alicesAfter, false, "alice's chip after she took hers back");
      await chip(onB, '👍 1 reaction, including you').waitFor({ timeout: 5000 });

      // History says the same after a reload: "me" is per viewer on the server too.
      await b.reload();
      const reloaded = chip(messageIn(b, 'Thanks for the invite'), '👍 1 reaction, including you');
      await reloaded.waitFor({ timeout: 10_000 });
      await pressed(reloaded, true, "bob's chip after a reload");

      // Escape closes the picker without picking and returns focus.
      await onA.hover();
      await add.click();
      await picker.getByLabel('Search emoji').waitFor();
      await a.keyboard.press('Escape');
      await picker.waitFor({ state: 'detached' });
      await a.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Add reaction');
      if ((await focusedLabel(a)) !== 'Add reaction') throw new Error('focus did not return to Add reaction');
      await chip(onA, '👍 1 reaction').waitFor();
    },
  );
}
