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

describe('the composer formatting shortcuts', () => {
  it('wraps the selection in bold with Ctrl+B and in italic with Ctrl+I, and names the syntax', async () => {
    const user = userEvent.setup();
    renderWithQuery(<MessageComposer roomId="r1" />);
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
    expect(box).toHaveAccessibleDescription(/\*\*bold\*\* _italic_/);
    await user.type(box, 'make this bold');
    box.setSelectionRange(5, 9);
    await user.keyboard('{Control>}b{/Control}');
    expect(box).toHaveValue('make **this** bold');
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).toBe('this');
    await user.keyboard('{Control>}i{/Control}');
    expect(box).toHaveValue('make **_this_** bold');
  });
});
