import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useState } from 'react';
import { Button } from '@/components/button';
import { TextField } from '@/components/text-field';
import { isApiError } from '@/lib/api-error';
import { useSessionStore } from '@/lib/session-store';
import { login } from '../api/auth-api';
import { loginSchema, type LoginValues } from '../model/auth-schemas';

export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signedIn = useSessionStore((s) => s.signedIn);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<LoginValues>({
    resolver: zodResolver(loginSchema),
    defaultValues: { email: '', password: '', remember_me: false },
  });

  const submit = handleSubmit(async (values) => {
    setFailure(null);
    try {
      signedIn(await login(values));
      onSignedIn();
    } catch (error) {
      if (isApiError(error, 'RATE_LIMITED')) setFailure('Too many attempts. Wait a minute and try again.');
      else if (isApiError(error) && error.status === 401) setFailure('Wrong email or password.');
      else setFailure('Could not sign in. Check your connection and try again.');
    }
  });

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Sign in">
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        error={formState.errors.email?.message}
        {...register('email')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={formState.errors.password?.message}
        {...register('password')}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" {...register('remember_me')} /> Remember me for 30 days
      </label>
      {failure && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {failure}
        </p>
      )}
      <Button type="submit" pending={formState.isSubmitting}>
        {formState.isSubmitting ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
