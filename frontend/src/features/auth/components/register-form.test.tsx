import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RegisterForm } from './register-form';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('RegisterForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows per-field errors before any request', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    const user = userEvent.setup();
    render(<RegisterForm onSignedIn={() => undefined} />);
    await user.type(screen.getByLabelText('Password'), 'short');
    await user.type(screen.getByLabelText('Confirm password'), 'other');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Email is required')).toBeInTheDocument();
    expect(
      screen.getByText('3-50 letters, digits or underscores', { selector: '[role=alert]' }),
    ).toBeInTheDocument();
    expect(screen.getByText('Passwords do not match')).toBeInTheDocument();
    expect(screen.getByTestId('password-strength')).toHaveTextContent('Strength: weak');
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('says on blur when the username is taken', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => json(200, { username_available: false })),
    );
    const user = userEvent.setup();
    render(<RegisterForm onSignedIn={() => undefined} />);
    await user.type(screen.getByLabelText('Username'), 'alice');
    await user.tab();
    expect(await screen.findByText('This username is taken')).toBeInTheDocument();
  });
});
