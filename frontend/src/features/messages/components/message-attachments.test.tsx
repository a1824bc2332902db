import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Attachment } from '@/lib/attachment';
import { useSessionStore } from '@/lib/session-store';
import { renderWithQuery } from '@/testing/render-with-query';
import { routeFetch, type FetchCall } from '@/testing/route-fetch';
import { MessageAttachments } from './message-attachments';

const image = (id: string, width: number, height: number): Attachment => ({
  id,
  filename: `${id}.png`,
  size: 4096,
  content_type: 'image/png',
  width,
  height,
  url: `/api/v1/uploads/${id}`,
  thumbnail_url: `/api/v1/uploads/${id}/thumbnail`,
});

const pdf: Attachment = {
  id: 'doc',
  filename: 'Quarterly report.pdf',
  size: 1536,
  content_type: 'application/pdf',
  width: null,
  height: null,
  url: '/api/v1/uploads/doc',
  thumbnail_url: null,
};

const bytes = () =>
  new Response(new Uint8Array([137, 80, 78, 71]), { headers: { 'Content-Type': 'image/png' } });

let objectUrls = 0;
beforeEach(() => {
  objectUrls = 0;
  useSessionStore.setState({ accessToken: 'token-1' });
  Object.assign(URL, {
    createObjectURL: vi.fn(() => `blob:object-${++objectUrls}`),
    revokeObjectURL: vi.fn(),
  });
});

describe('attachments in the message list', () => {
  it('reserves each thumbnail box from width and height before the image has loaded', async () => {
    let answer: (() => void)[] = [];
    routeFetch(() => new Promise<Response>((resolve) => answer.push(() => resolve(bytes()))));
    renderWithQuery(
      <MessageAttachments
        attachments={[image('wide', 1600, 800), image('small', 120, 90), image('tall', 600, 1200)]}
      />,
    );
    const [wide, small, tall] = screen.getAllByTestId('attachment-image');
    // Scaled to fit 480 px, never up, aspect ratio kept: the row does not change size when they load.
    expect([wide!.style.width, wide!.style.aspectRatio]).toEqual(['480px', '480 / 240']);
    expect([small!.style.width, small!.style.aspectRatio]).toEqual(['120px', '120 / 90']);
    expect([tall!.style.width, tall!.style.aspectRatio]).toEqual(['240px', '240 / 480']);
    expect(screen.queryByRole('img')).not.toBeInTheDocument();

    await waitFor(() => expect(answer).toHaveLength(3));
    act(() => {
      answer.forEach((a) => a());
      answer = [];
    });
    const shown = await screen.findByRole('img', { name: 'wide.png' });
    expect(shown.getAttribute('src')).toMatch(/^blob:object-/);
    expect(wide!.style.width).toBe('480px');
  });

  it('fetches thumbnails with the token, once per URL, and revokes its object URL when unmounted', async () => {
    const { calls } = routeFetch(() => bytes());
    const { unmount } = renderWithQuery(
      <>
        <MessageAttachments attachments={[image('cat', 800, 600)]} />
        <MessageAttachments attachments={[image('cat', 800, 600)]} />
      </>,
    );
    await waitFor(() => expect(screen.getAllByRole('img', { name: 'cat.png' })).toHaveLength(2));
    expect(calls.map((c: FetchCall) => [c.url, c.headers.Authorization])).toEqual([
      ['/api/v1/uploads/cat/thumbnail', 'Bearer token-1'],
    ]);
    const srcs = screen.getAllByRole('img', { name: 'cat.png' }).map((i) => i.getAttribute('src'));
    unmount();
    for (const src of srcs) expect(URL.revokeObjectURL).toHaveBeenCalledWith(src);
  });

  it('says so in the reserved box when a thumbnail cannot be fetched', async () => {
    routeFetch(() => new Response(JSON.stringify({ title: 'Not Found' }), { status: 404 }));
    renderWithQuery(<MessageAttachments attachments={[image('gone', 300, 200)]} />);
    // One retry, then the message.
    expect(await screen.findByText('Image unavailable', {}, { timeout: 4000 })).toBeInTheDocument();
    expect(screen.getByTestId('attachment-image').style.width).toBe('300px');
  });

  it('shows other files as a card with kind, name and size, and downloads them with the token', async () => {
    const { calls } = routeFetch(() => new Response(new Uint8Array([37, 80, 68, 70])));
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    renderWithQuery(<MessageAttachments attachments={[pdf]} />);
    const card = screen.getByTestId('attachment-file');
    expect(card).toHaveTextContent('Quarterly report.pdf');
    expect(card).toHaveTextContent('PDF · 1.5 KB');
    expect(screen.queryByTestId('attachment-image')).not.toBeInTheDocument();

    await userEvent.click(within(card).getByRole('button', { name: 'Download Quarterly report.pdf' }));
    await waitFor(() =>
      expect(clicked).toEqual([{ download: 'Quarterly report.pdf', href: 'blob:object-1' }]),
    );
    expect(calls.map((c) => [c.url, c.headers.Authorization])).toEqual([
      ['/api/v1/uploads/doc', 'Bearer token-1'],
    ]);
  });

  it("shows the server's problem when a download is refused", async () => {
    routeFetch(
      () =>
        new Response(JSON.stringify({ title: 'Not Found', detail: 'No such upload' }), {
          status: 404,
          headers: { 'Content-Type': 'application/problem+json' },
        }),
    );
    renderWithQuery(<MessageAttachments attachments={[pdf]} />);
    await userEvent.click(screen.getByRole('button', { name: 'Download Quarterly report.pdf' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('No such upload');
  });
});

describe('the lightbox', () => {
  it('opens with Enter, moves with the arrow keys, traps Tab, closes with Escape and gives focus back', async () => {
    routeFetch(() => bytes());
    const user = userEvent.setup();
    renderWithQuery(
      <MessageAttachments
        attachments={[image('a', 800, 600), pdf, image('b', 600, 800), image('c', 500, 500)]}
      />,
    );
    const opener = screen.getByRole('button', { name: 'Open a.png' });
    opener.focus();
    await user.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'a.png' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(within(dialog).getByText(/Image 1 of 3: a\.png/)).toBeInTheDocument();
    expect(await within(dialog).findByRole('img', { name: 'a.png' })).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Download a.png' })).toBeInTheDocument();

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('dialog', { name: 'b.png' })).toBeInTheDocument();
    expect(within(dialog).getByText(/Image 2 of 3: b\.png/)).toBeInTheDocument();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    // Wraps around: the PDF is not among the images.
    expect(screen.getByRole('dialog', { name: 'c.png' })).toBeInTheDocument();

    for (let i = 0; i < 6; i++) {
      await user.keyboard('{Tab}');
      expect(dialog).toContainElement(document.activeElement as HTMLElement);
    }
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(opener).toHaveFocus();
  });

  it('opens at the clicked image, and the close button closes it', async () => {
    routeFetch(() => bytes());
    const user = userEvent.setup();
    renderWithQuery(<MessageAttachments attachments={[image('a', 800, 600), image('b', 600, 800)]} />);
    await user.click(screen.getByRole('button', { name: 'Open b.png' }));
    const dialog = await screen.findByRole('dialog', { name: 'b.png' });
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Open b.png' })).toHaveFocus();
  });
});
