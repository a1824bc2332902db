import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ReactionChips } from './reaction-chips';

describe('ReactionChips', () => {
  const reactions = [
    { emoji: '👍', count: 2, me: true },
    { emoji: '🎉', count: 1, me: false },
  ];

  it('says what each chip counts and marks ours as pressed', () => {
    render(<ReactionChips reactions={reactions} onToggle={() => undefined} />);
    const ours = screen.getByRole('button', { name: '👍 2 reactions, including you' });
    const theirs = screen.getByRole('button', { name: '🎉 1 reaction' });
    expect(ours).toHaveAttribute('aria-pressed', 'true');
    expect(theirs).toHaveAttribute('aria-pressed', 'false');
    expect(screen.getByRole('list', { name: 'Reactions' })).toBeInTheDocument();
  });

  it('takes back ours and adds to theirs, by click or keyboard', async () => {
    const onToggle = vi.fn();
    const user = userEvent.setup();
    render(<ReactionChips reactions={reactions} onToggle={onToggle} />);
    await user.click(screen.getByRole('button', { name: /^👍/ }));
    await user.tab();
    await user.keyboard('{Enter}');
    expect(onToggle.mock.calls).toEqual([
      ['👍', false],
      ['🎉', true],
    ]);
  });

  it('shows nothing for a message without reactions', () => {
    const { container } = render(<ReactionChips reactions={[]} onToggle={() => undefined} />);
    expect(container).toBeEmptyDOMElement();
  });
});
