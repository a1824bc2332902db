import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Button } from './button';

describe('Button', () => {
  it('while pending stays focused, is announced as busy and ignores clicks', async () => {
    const clicked = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<Button onClick={clicked}>Save</Button>);
    const button = screen.getByRole('button', { name: 'Save' });
    await user.click(button);
    expect(clicked).toHaveBeenCalledTimes(1);

    rerender(
      <Button onClick={clicked} pending>
        Save
      </Button>,
    );
    expect(button).toHaveFocus();
    expect(button).not.toBeDisabled();
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAttribute('aria-busy', 'true');
    await user.click(button);
    await user.keyboard('{Enter}');
    expect(clicked).toHaveBeenCalledTimes(1);
    expect(button).toHaveFocus();
  });

  it('while pending does not submit its form', async () => {
    const submitted = vi.fn((event: SubmitEvent) => event.preventDefault());
    const user = userEvent.setup();
    render(
      <form onSubmit={(e) => submitted(e.nativeEvent as SubmitEvent)}>
        <input aria-label="Name" />
        <Button type="submit" pending>
          Create
        </Button>
      </form>,
    );
    await user.click(screen.getByRole('button', { name: 'Create' }));
    await user.type(screen.getByLabelText('Name'), 'x{Enter}');
    expect(submitted).not.toHaveBeenCalled();
  });
});
