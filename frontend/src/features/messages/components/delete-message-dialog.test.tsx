import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { aMessage } from '@/testing/fixtures';
import { holdFetch } from '@/testing/held-fetch';
import { renderWithQuery } from '@/testing/render-with-query';
import { DeleteMessageDialog } from './delete-message-dialog';

describe('DeleteMessageDialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps focus on Delete while the request runs, sends it once, and Escape still closes', async () => {
    const { fetchMock, answerAll } = holdFetch();
    const onClose = vi.fn();
    const user = userEvent.setup();
    renderWithQuery(<DeleteMessageDialog message={aMessage()} onClose={onClose} />);
    const del = screen.getByRole('button', { name: 'Delete' });

    await user.click(del);
    await waitFor(() => expect(del).toHaveAttribute('aria-busy', 'true'));
    expect(del).toHaveFocus();
    await user.click(del);
    await user.keyboard('{Enter}');
    expect(fetchMock).toHaveBeenCalledTimes(1);

    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    answerAll(204);
  });
});
