// Markdown in the browser: hostile message bodies (the corpus the Vitest suite renders in jsdom)
// must stay inert text in real Chromium, and the formatting subset must render.
import { readFileSync } from 'node:fs';
import { api, expectNoAxeViolations, scrollToBeginning, step } from './harness.mjs';

const corpus = JSON.parse(
  readFileSync(new URL('../src/testing/message-corpus.json', import.meta.url), 'utf8'),
);
const squash = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

/** Runs in the page: what in the message list could run script, load something or navigate. */
function inspectMessages(list) {
  const bodies = [...list.querySelectorAll('[data-testid="message-content"]')];
  return {
    texts: bodies.map((body) => body.textContent),
    linkCounts: bodies.map((body) => body.querySelectorAll('a').length),
    onAttributes: [...list.querySelectorAll('*')].flatMap((el) =>
      el
        .getAttributeNames()
        .filter((name) => /^on/i.test(name))
        .map((name) => `<${el.localName} ${name}>`),
    ),
    activeElements: bodies.flatMap((body) =>
      [
        ...body.querySelectorAll(
          'script, svg, math, iframe, img, style, object, embed, form, input, details',
        ),
      ].map((el) => el.localName),
    ),
    badHrefs: [...list.querySelectorAll('a[href]')]
      .filter((a) => !['http:', 'https:', 'mailto:'].includes(a.protocol))
      .map((a) => a.getAttribute('href')),
  };
}

export async function formattingSteps({ newUserPage, alice, bob, password }) {
  await step(
    'hostile Markdown and HTML from alice stay inert text for bob in Chromium; her formatting renders',
    async () => {
      const login = (user) => api('/auth/login', { method: 'POST', body: { email: user.email, password } });
      const { access_token: token } = await login(alice);
      const { user: bobUser } = await login(bob);
      const room = await api('/rooms', {
        method: 'POST',
        token,
        body: { name: 'Formatting', member_ids: [bobUser.id] },
      });
      const hostile = corpus.hostile.map((entry) => entry.content);
      const pathological = corpus.pathological.map(({ unit, times }) => unit.repeat(times));
      const contents = [...hostile, ...pathological, corpus.legit];
      for (const content of contents)
        // one at a time: the order maps messages to the corpus
        await api(`/rooms/${room.id}/messages`, { method: 'POST', token, body: { content } });

      const page = await newUserPage();
      await page.context().route('https://example.test/**', (route) => route.fulfill({ body: 'elsewhere' }));
      page.context().on('page', (popup) => void popup.close()); // links open in a new tab
      await page.goto('/login');
      await page.getByLabel('Email').fill(bob.email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/chat');
      const opened = Date.now();
      await page.goto(`/chat/${room.id}`);
      await page.getByTestId('message').first().waitFor();
      await scrollToBeginning(page);
      const shown = await page.getByTestId('message').count();
      if (shown !== contents.length) throw new Error(`expected ${contents.length} messages, saw ${shown}`);
      // The pathological bodies must not hang the tab: it still answers, and soon.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
      console.log(
        `    ${contents.length} hostile, pathological and formatted messages shown in ${Date.now() - opened} ms`,
      );

      const list = page.getByRole('list', { name: 'Messages' });
      const url = page.url();
      // Click every link in the hostile messages (and each body, for any handler that slipped in).
      const items = page.getByTestId('message');
      for (let i = 0; i < hostile.length; i++) {
        const body = items.nth(i).getByTestId('message-content');
        await body.click({ position: { x: 2, y: 2 } });
        for (const link of await body.getByRole('link').all()) await link.click();
      }
      await page.waitForTimeout(300); // let any onload/onerror/ontoggle that was parsed fire
      if ((await page.evaluate(() => window.__xss)) !== undefined) throw new Error('window.__xss was set');
      if (page.url() !== url) throw new Error(`the page navigated to ${page.url()}`);

      const found = await list.evaluate(inspectMessages);
      if (found.onAttributes.length) throw new Error(`on* attributes: ${found.onAttributes.join(', ')}`);
      if (found.activeElements.length)
        throw new Error(`in message bodies: ${found.activeElements.join(', ')}`);
      if (found.badHrefs.length)
        throw new Error(`links outside http(s)/mailto: ${found.badHrefs.join(', ')}`);
      corpus.hostile.forEach((entry, i) => {
        const visible = squash(entry.visible ?? entry.content);
        if (!squash(found.texts[i]).includes(visible))
          throw new Error(`hostile message ${i} does not show ${JSON.stringify(visible)}: ${found.texts[i]}`);
      });
      const hostileLinks = found.linkCounts.slice(0, hostile.length).reduce((sum, n) => sum + n, 0);
      // The only http(s) URL among them is an image's, which is shown as "!" and a link.
      if (hostileLinks !== 1) throw new Error(`expected 1 link in the hostile messages, saw ${hostileLinks}`);

      const legit = items.last().getByTestId('message-content');
      for (const selector of [
        'strong',
        'em',
        'del',
        'p > code',
        'pre > code',
        'blockquote',
        'ul > li',
        'ol > li',
        'br',
      ])
        if (!(await legit.locator(selector).count()))
          throw new Error(`the formatted message has no ${selector}`);
      const links = await legit
        .getByRole('link')
        .evaluateAll((as) =>
          as.map((a) => `${a.getAttribute('href')} ${a.getAttribute('rel')} ${a.getAttribute('target')}`),
        );
      const expected = ['https://example.test/docs', 'https://example.test/bare', 'mailto:ops@example.test'];
      if (links.join('|') !== expected.map((h) => `${h} noopener noreferrer nofollow _blank`).join('|'))
        throw new Error(`the formatted message's links: ${links.join(', ')}`);
      const docs = legit.getByRole('link', { name: 'the docs' });
      await docs.click();
      if (page.url() !== url) throw new Error(`a link navigated the chat away to ${page.url()}`);
      await expectNoAxeViolations(page, 'formatted messages');
      await page.context().close();
    },
  );
}
