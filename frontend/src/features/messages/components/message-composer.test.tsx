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
    expect(send).toHaveBeenCalledWith('😀'.repeat(5000), null, []);
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

describe('the @-autocomplete', () => {
  const members = [
    { id: 'b', username: 'bob', display_name: 'Bob Builder' },
    { id: 'c', username: 'carol', display_name: 'Carol Bobson' },
  ];
  afterEach(() => send.mockClear());

  it('offers matching members, moves with the arrows and picks with Enter', async () => {
    renderWithQuery(<MessageComposer roomId="r1" members={members} />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    await userEvent.type(box, 'hi @bo');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['@bob Bob Builder', '@carol Carol Bobson']);
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[0]!.id);
    await userEvent.keyboard('{ArrowDown}');
    expect(screen.getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    expect(box).toHaveValue('hi @carol ');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(send).not.toHaveBeenCalled();
  });

  it('puts the caret after a mention picked mid-text before the next keystroke', async () => {
    // No animation frame ever comes: the caret must not wait for one (a letter typed meanwhile
    // landed after the caret's old place).
    const frame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    renderWithQuery(<MessageComposer roomId="r1" members={members} />);
    const box = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Message' });
    await userEvent.type(box, 'hi  there');
    await userEvent.type(box, '@car', { initialSelectionStart: 3, initialSelectionEnd: 3 });
    expect(box).toHaveValue('hi @car there');
    await userEvent.keyboard('{Tab}');
    expect(box).toHaveValue('hi @carol  there');
    expect(box.selectionStart).toBe('hi @carol '.length);
    await userEvent.keyboard('x');
    expect(box).toHaveValue('hi @carol x there');
    frame.mockRestore();
  });

  it('picks with Tab, closes with Escape, and Enter then sends', async () => {
    renderWithQuery(<MessageComposer roomId="r1" members={members} />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    await userEvent.type(box, '@car');
    await userEvent.keyboard('{Tab}');
    expect(box).toHaveValue('@carol ');
    await userEvent.type(box, 'and @b');
    expect(screen.getByRole('listbox')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    await userEvent.keyboard('{Enter}');
    expect(send).toHaveBeenCalledWith('@carol and @b', null, []);
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
