import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQuery } from '@/testing/render-with-query';
import { MessageComposer } from './message-composer';

const send = vi.hoisted(() => vi.fn());
vi.mock('../hooks/use-send-message', () => ({ useSendMessage: () => ({ send, retry: vi.fn() }) }));

const typeInto = (text: string) =>
  fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: text } });

describe('the composer limit, counted in code points like the server', () => {
  afterEach(() => send.mockClear());

  it('sends 5000 emoji', async () => {
    renderWithQuery(<MessageComposer roomId="r1" />);
    typeInto('😀'.repeat(5000));
    expect(screen.getByText('0 characters left')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(send).toHaveBeenCalledWith('😀'.repeat(5000), null);
  });

  it('refuses 5001 emoji, by the button and by Enter', async () => {
    renderWithQuery(<MessageComposer roomId="r1" />);
    typeInto('😀'.repeat(5001));
    expect(screen.getByText('1 characters over the limit')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Message' }), { key: 'Enter' });
    expect(send).not.toHaveBeenCalled();
  });

  it('counts an emoji once in the characters left, and not the whitespace trimmed before sending', () => {
    renderWithQuery(<MessageComposer roomId="r1" />);
    typeInto(`  ${'😀'.repeat(4600)}\n`);
    expect(screen.getByText('400 characters left')).toBeInTheDocument();
  });
});
