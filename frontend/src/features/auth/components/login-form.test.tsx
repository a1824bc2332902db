import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdFetch } from '@/testing/held-fetch';
import { LoginForm } from './login-form';

describe('LoginForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps focus on the submit button while signing in and signs in once', async () => {
    const { fetchMock } = holdFetch();
    const user = userEvent.setup();
    render(<LoginForm onSignedIn={() => undefined} />);
    await user.type(screen.getByLabelText('Email'), 'alice@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    const submit = screen.getByRole('button', { name: 'Sign in' });

    await user.click(submit);
    expect(await screen.findByRole('button', { name: 'Signing in…' })).toBe(submit);
    expect(submit).toHaveFocus();
    expect(submit).toHaveAttribute('aria-busy', 'true');
    await user.click(submit);
    await user.keyboard('{Enter}');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
