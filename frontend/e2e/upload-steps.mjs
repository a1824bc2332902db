// Files between two users: Alice attaches an image (the file input), a PDF (a drop on the room)
// and a screenshot (a paste); Bob sees the thumbnail and the PDF card live, opens the lightbox with
// the keyboard, closes it with Escape and downloads the PDF byte for byte. Refusals show where the
// file was: an empty file before any upload, a PDF named .png with the server's problem on its chip.
import { readFileSync } from 'node:fs';
import { expectNoAxeViolations, messageIn, receivedFrames, step } from './harness.mjs';

const PDF = readFileSync(new URL('./fixtures/report.pdf', import.meta.url));
const roomLink = (page, name) => page.getByTestId('room-link').filter({ hasText: name });
const chip = (page, name) => page.getByTestId('upload-chip').filter({ hasText: name });

/** A PNG drawn in the page (a canvas), as bytes: no image fixture to keep. */
const drawPng = (page, width, height, hue) =>
  page
    .evaluate(
      async ({ width, height, hue }) => {
        const canvas = document.createElement('canvas');
        canvas.width = width;
        canvas.height = height;
        const g = canvas.getContext('2d');
        const gradient = g.createLinearGradient(0, 0, width, height);
        gradient.addColorStop(0, `hsl(${hue} 80% 60%)`);
        gradient.addColorStop(1, `hsl(${hue + 120} 80% 30%)`);
        g.fillStyle = gradient;
        g.fillRect(0, 0, width, height);
        const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
        return [...new Uint8Array(await blob.arrayBuffer())];
      },
      { width, height, hue },
    )
    .then((bytes) => Buffer.from(bytes));

/** Waits until an <img> has decoded (naturalWidth > 0), and returns its natural size. */
async function decoded(img, label) {
  await img.waitFor({ timeout: 15_000 });
  const handle = await img.elementHandle();
  await img.page().waitForFunction((el) => el.complete && el.naturalWidth > 0, handle, { timeout: 15_000 });
  const size = await img.evaluate((el) => ({ width: el.naturalWidth, height: el.naturalHeight }));
  if (!size.width) throw new Error(`${label} did not load`);
  return size;
}

/**
 * A file dropped on the room view, through the events a real drag fires: the drop zone must show
 * while it is dragged over (the drag's DataTransfer waits on the page meanwhile).
 */
async function dropFile(page, { name, mimeType, bytes }) {
  const zone = page.getByTestId('drop-zone');
  const fire = (type) =>
    zone.evaluate((el, type) => {
      el.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: window.__drag }));
    }, type);
  await page.evaluate(
    ({ name, mimeType, bytes }) => {
      window.__drag = new DataTransfer();
      window.__drag.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
    },
    { name, mimeType, bytes: [...bytes] },
  );
  await fire('dragenter');
  await fire('dragover');
  await page.getByTestId('drop-overlay').waitFor({ timeout: 5000 });
  await fire('drop');
  await page.getByTestId('drop-overlay').waitFor({ state: 'detached' });
  await page.evaluate(() => delete window.__drag);
}

/** A screenshot pasted into the composer box. */
const pasteFile = (page, { name, mimeType, bytes }) =>
  page.getByRole('textbox', { name: 'Message', exact: true }).evaluate(
    (box, { name, mimeType, bytes }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], name, { type: mimeType }));
      box.focus();
      box.dispatchEvent(
        new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: transfer }),
      );
    },
    { name, mimeType, bytes: [...bytes] },
  );

export async function uploadSteps({ a, b, screenshot = true }) {
  await step('alice shares an image and a PDF; bob sees them live, views and downloads them', async () => {
    const framesB = receivedFrames(b);
    await roomLink(a, 'Project Nexus').click();
    await roomLink(b, 'Project Nexus').click();
    await a.getByRole('heading', { name: '# Project Nexus' }).waitFor();
    await b.getByRole('heading', { name: '# Project Nexus' }).waitFor();
    const input = a.getByTestId('attach-input');

    // Refused before any upload: an empty file.
    await input.setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
    await a.getByTestId('upload-notice').getByText('“empty.txt” is empty.').waitFor();
    await a.getByTestId('upload-notice').getByRole('button', { name: 'Dismiss' }).click();

    // Refused by the server: the content is a PDF, the name says PNG (415, shown on its chip).
    await input.setInputFiles({ name: 'not-an-image.png', mimeType: 'image/png', buffer: PDF });
    const fake = chip(a, 'not-an-image.png');
    await fake.and(a.locator('[data-status="failed"]')).waitFor({ timeout: 15_000 });
    console.log(`    a PDF named .png: ${(await fake.textContent()).replace(/\s+/g, ' ')}`);
    await fake.getByRole('button', { name: 'Remove not-an-image.png' }).click();
    await fake.waitFor({ state: 'detached' });

    const png = await drawPng(a, 640, 320, 20);
    await input.setInputFiles({ name: 'sunset.png', mimeType: 'image/png', buffer: png });
    await dropFile(a, { name: 'report.pdf', mimeType: 'application/pdf', bytes: PDF });
    await chip(a, 'sunset.png').and(a.locator('[data-status="ready"]')).waitFor({ timeout: 15_000 });
    await chip(a, 'report.pdf').and(a.locator('[data-status="ready"]')).waitFor({ timeout: 15_000 });
    await expectNoAxeViolations(a, 'composer with upload chips');
    await a.getByRole('textbox', { name: 'Message', exact: true }).fill('Sunset and the report');
    await a.keyboard.press('Enter');
    await a.getByTestId('upload-chip').first().waitFor({ state: 'detached' });
    const mine = messageIn(a, 'Sunset and the report');
    await decoded(mine.getByRole('img', { name: 'sunset.png' }), "alice's thumbnail");

    // Bob, live: the thumbnail in a box reserved at its final size, and the PDF card.
    const onB = messageIn(b, 'Sunset and the report');
    await onB.waitFor({ timeout: 15_000 });
    if (!framesB.some((f) => f.includes('"new_message"') && f.includes('sunset.png')))
      throw new Error('bob saw the files, but no new_message frame carried them');
    const thumbButton = onB.getByRole('button', { name: 'Open sunset.png' });
    const box = await thumbButton.boundingBox();
    if (Math.round(box.width) !== 480 || Math.round(box.height) !== 240)
      throw new Error(`the thumbnail box is ${box.width}×${box.height}, not 480×240`);
    const thumb = await decoded(onB.getByRole('img', { name: 'sunset.png' }), "bob's thumbnail");
    if (thumb.width > 480)
      throw new Error(`the thumbnail is ${thumb.width} px wide: the original, not the thumbnail`);
    const card = onB.getByTestId('attachment-file').filter({ hasText: 'report.pdf' });
    await card.getByText(/PDF · /).waitFor();
    await expectNoAxeViolations(b, 'a message with attachments');
    if (screenshot)
      await b.screenshot({
        path: new URL('../../docs/screenshot-attachments.png', import.meta.url).pathname,
      });

    // The lightbox, keyboard only.
    await thumbButton.focus();
    await b.keyboard.press('Enter');
    const lightbox = b.getByRole('dialog', { name: 'sunset.png' });
    await lightbox.waitFor({ timeout: 10_000 });
    const full = await decoded(lightbox.getByRole('img', { name: 'sunset.png' }), 'the full image');
    if (full.width !== 640 || full.height !== 320)
      throw new Error(`the lightbox shows ${full.width}×${full.height}`);
    await expectNoAxeViolations(b, 'the lightbox');
    await b.keyboard.press('Escape');
    await lightbox.waitFor({ state: 'detached' });
    const focused = await b.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    if (focused !== 'Open sunset.png') throw new Error(`focus went to ${focused}, not back to the thumbnail`);

    // The PDF, byte for byte.
    const [download] = await Promise.all([
      b.waitForEvent('download', { timeout: 15_000 }),
      card.getByRole('button', { name: 'Download report.pdf' }).click(),
    ]);
    if (download.suggestedFilename() !== 'report.pdf')
      throw new Error(`downloaded as ${download.suggestedFilename()}`);
    const saved = readFileSync(await download.path());
    if (!saved.equals(PDF)) throw new Error(`downloaded ${saved.length} bytes, not the ${PDF.length} sent`);
  });

  await step('a pasted screenshot is sent alone, without text, and shows for bob', async () => {
    const shot = await drawPng(a, 300, 600, 200);
    await pasteFile(a, { name: 'image.png', mimeType: 'image/png', bytes: shot });
    await chip(a, 'image.png').and(a.locator('[data-status="ready"]')).waitFor({ timeout: 15_000 });
    const send = a.getByRole('button', { name: 'Send' });
    if (await send.isDisabled()) throw new Error('Send is disabled with a file ready and no text');
    await send.click();
    const onB = b.getByTestId('message').filter({ has: b.getByRole('button', { name: 'Open image.png' }) });
    await onB.waitFor({ timeout: 15_000 });
    const box = await onB.getByRole('button', { name: 'Open image.png' }).boundingBox();
    if (Math.round(box.width) !== 240 || Math.round(box.height) !== 480)
      throw new Error(`the pasted image's box is ${box.width}×${box.height}, not 240×480`);
    await decoded(onB.getByRole('img', { name: 'image.png' }), 'the pasted image');
  });
}
