import { act, fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Attachment } from '@/lib/attachment';
import { aMessage } from '@/testing/fixtures';
import { renderWithQuery } from '@/testing/render-with-query';
import { useComposerStore } from '../model/composer-store';
import { MessageComposer, type ComposerAttachments } from './message-composer';

const send = vi.hoisted(() => vi.fn());
vi.mock('../hooks/use-send-message', () => ({ useSendMessage: () => ({ send, retry: vi.fn() }) }));

const cat: Attachment = {
  id: 'u1',
  filename: 'cat.png',
  size: 2048,
  content_type: 'image/png',
  width: 800,
  height: 600,
  url: '/api/v1/uploads/u1',
  thumbnail_url: '/api/v1/uploads/u1/thumbnail',
};

const slot = (overrides: Partial<ComposerAttachments> = {}): ComposerAttachments => ({
  ready: [],
  inFlight: false,
  onFiles: vi.fn(),
  onSent: vi.fn(),
  button: <button type="button">Attach files</button>,
  panel: <p>chips</p>,
  ...overrides,
});

const box = () => screen.getByRole('textbox', { name: 'Message' });
const sendButton = () => screen.getByRole('button', { name: 'Send' });

describe('the composer with attachments', () => {
  afterEach(() => send.mockClear());

  it('sends files alone, without text, and tells the queue they went', async () => {
    const attachments = slot({ ready: [cat] });
    renderWithQuery(<MessageComposer roomId="r1" attachments={attachments} />);
    expect(screen.getByText('chips')).toBeInTheDocument();
    expect(sendButton()).toBeEnabled();
    await userEvent.click(sendButton());
    expect(send).toHaveBeenCalledWith('', null, [cat]);
    expect(attachments.onSent).toHaveBeenCalledTimes(1);
  });

  it('keeps Send disabled while a file is uploading, by the button and by Enter', async () => {
    renderWithQuery(<MessageComposer roomId="r1" attachments={slot({ ready: [cat], inFlight: true })} />);
    await userEvent.type(box(), 'look');
    expect(sendButton()).toBeDisabled();
    expect(sendButton()).toHaveAccessibleDescription('Send waits until the files are uploaded.');
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(send).not.toHaveBeenCalled();
  });

  it('sends text with the files, and text alone does not tell the queue', async () => {
    const attachments = slot({ ready: [cat] });
    const { unmount } = renderWithQuery(<MessageComposer roomId="r1" attachments={attachments} />);
    await userEvent.type(box(), 'our cat{Enter}');
    expect(send).toHaveBeenLastCalledWith('our cat', null, [cat]);
    unmount();
    const none = slot();
    renderWithQuery(<MessageComposer roomId="r1" attachments={none} />);
    await userEvent.type(box(), 'just text{Enter}');
    expect(send).toHaveBeenLastCalledWith('just text', null, []);
    expect(none.onSent).not.toHaveBeenCalled();
  });

  it('turns pasted images into uploads, and leaves a text paste alone', () => {
    const attachments = slot();
    renderWithQuery(<MessageComposer roomId="r1" attachments={attachments} />);
    const shot = new File([new Uint8Array([1])], 'image.png', { type: 'image/png' });
    const pasted = fireEvent.paste(box(), {
      clipboardData: { files: [shot], getData: () => '', types: ['Files'] },
    });
    expect(pasted).toBe(false); // default prevented: no file name pasted as text
    expect(attachments.onFiles).toHaveBeenCalledWith([shot]);

    const text = fireEvent.paste(box(), {
      clipboardData: {
        files: [shot],
        getData: (t: string) => (t === 'text/plain' ? 'A1 B1' : ''),
        types: ['text/plain', 'Files'],
      },
    });
    expect(text).toBe(true);
    expect(attachments.onFiles).toHaveBeenCalledTimes(1);
  });

  it('shows the attach button beside the box, but not while editing (an edit changes the text only)', async () => {
    const attachments = slot({ ready: [cat] });
    renderWithQuery(<MessageComposer roomId="r1" attachments={attachments} />);
    expect(screen.getByRole('button', { name: 'Attach files' })).toBeInTheDocument();
    act(() => useComposerStore.getState().editStarted(aMessage({ content: 'old text' })));
    expect(screen.queryByRole('button', { name: 'Attach files' })).not.toBeInTheDocument();
    // Emptied, an edit cannot be saved, even with files waiting.
    await userEvent.clear(box());
    expect(screen.getByRole('button', { name: 'Save' })).toBeDisabled();
    act(() => useComposerStore.getState().composerReset());
  });
});
