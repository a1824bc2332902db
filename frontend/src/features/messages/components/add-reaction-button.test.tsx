import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AddReactionButton } from './add-reaction-button';

// The real picker loads emoji data over the network; this stand-in keeps its contract.
vi.mock('./reaction-picker', () => ({
  default: function FakePicker({
    onPick,
    onClose,
  }: {
    onPick: (emoji: string) => void;
    onClose: () => void;
  }) {
    const search = useRef<HTMLInputElement>(null);
    useEffect(() => search.current?.focus(), []);
    return (
      <input
        ref={search}
        aria-label="Search emoji"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          if (e.key === 'Enter') onPick('🎉');
        }}
      />
    );
  },
}));

describe('AddReactionButton', () => {
  it('opens the picker from the keyboard and Escape returns focus to the button', async () => {
    const user = userEvent.setup();
    render(<AddReactionButton onPick={() => undefined} />);
    const button = screen.getByRole('button', { name: 'Add reaction' });
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const search = await screen.findByRole('textbox', { name: 'Search emoji' });
    // The lazily loaded picker takes the focus in an effect, just after it shows.
    await waitFor(() => expect(search).toHaveFocus());
    expect(screen.getByRole('dialog', { name: 'Choose a reaction' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('hands the picked emoji over and closes', async () => {
    const onPick = vi.fn();
    const user = userEvent.setup();
    render(<AddReactionButton onPick={onPick} />);
    await user.click(screen.getByRole('button', { name: 'Add reaction' }));
    await screen.findByRole('textbox', { name: 'Search emoji' });
    await user.keyboard('{Enter}');
    expect(onPick).toHaveBeenCalledWith('🎉');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Add reaction' })).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Add reaction' })).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes on a click elsewhere', async () => {
    const user = userEvent.setup();
    render(
      <>
        <p>elsewhere</p>
        <AddReactionButton onPick={() => undefined} />
      </>,
    );
    await user.click(screen.getByRole('button', { name: 'Add reaction' }));
    await screen.findByRole('dialog');
    await user.click(screen.getByText('elsewhere'));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
