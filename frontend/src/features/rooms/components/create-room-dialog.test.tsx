import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdFetch } from '@/testing/held-fetch';
import { renderWithQuery } from '@/testing/render-with-query';
import { CreateRoomDialog } from './create-room-dialog';

const renderDialog = () =>
  renderWithQuery(
    <CreateRoomDialog onClose={() => undefined} onCreated={() => undefined} renderUserSearch={() => null} />,
  );

describe('CreateRoomDialog', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps focus on Create while the room is created and sends one request', async () => {
    const { fetchMock } = holdFetch();
    const user = userEvent.setup();
    renderDialog();
    await user.type(screen.getByLabelText('Room name'), 'general');
    const create = screen.getByRole('button', { name: 'Create' });

    await user.click(create);
    const busy = await screen.findByRole('button', { name: 'Creating…' });
    expect(busy).toBe(create);
    expect(create).toHaveFocus();
    expect(create).toHaveAttribute('aria-busy', 'true');
    await user.click(create);
    await user.type(screen.getByLabelText('Room name'), '{Enter}');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('has Create disabled until the room has a name', async () => {
    const user = userEvent.setup();
    renderDialog();
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled();
    await user.type(screen.getByLabelText('Room name'), 'general');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Create' })).toBeEnabled());
  });
});
