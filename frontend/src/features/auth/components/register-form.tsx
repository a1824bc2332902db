import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { useState } from 'react';
import { Button } from '@/components/button';
import { TextField } from '@/components/text-field';
import { isApiError } from '@/lib/api-error';
import { useSessionStore } from '@/lib/session-store';
import { checkAvailability, login, register as registerAccount } from '../api/auth-api';
import { registerSchema, type RegisterValues } from '../model/auth-schemas';
import { PasswordStrengthMeter } from './password-strength-meter';

const FIELD_CODES: Record<string, keyof RegisterValues> = {
  EMAIL_TAKEN: 'email',
  USERNAME_TAKEN: 'username',
};

export function RegisterForm({ onSignedIn }: { onSignedIn: () => void }) {
  const signedIn = useSessionStore((s) => s.signedIn);
  const [failure, setFailure] = useState<string | null>(null);
  const { register, handleSubmit, formState, control, setError, clearErrors, getFieldState, trigger } =
    useForm<RegisterValues>({
      resolver: zodResolver(registerSchema),
      mode: 'onBlur',
      defaultValues: { email: '', username: '', display_name: '', password: '', confirm_password: '' },
    });

  // On blur: once the field itself is valid, ask the server whether it is still free.
  const checkTaken = (field: 'email' | 'username') => async (value: string) => {
    if (!value || !(await trigger(field)) || getFieldState(field).invalid) return;
    try {
      const answer = await checkAvailability({ [field]: value.trim() });
      const free = field === 'email' ? answer.email_available : answer.username_available;
      if (free === false)
        setError(field, {
          message: field === 'email' ? 'This email is already registered' : 'This username is taken',
        });
      else clearErrors(field);
    } catch {
      // The submit will tell; an availability hiccup must not block the form.
    }
  };

  const submit = handleSubmit(async ({ confirm_password: _, ...values }) => {
    setFailure(null);
    try {
      await registerAccount(values);
      signedIn(await login({ email: values.email, password: values.password, remember_me: false }));
      onSignedIn();
    } catch (error) {
      if (isApiError(error)) {
        const field = FIELD_CODES[error.code];
        if (field) return setError(field, { message: error.message });
        for (const { field: name, message } of error.fieldErrors)
          setError(name as keyof RegisterValues, { message });
        if (error.fieldErrors.length === 0)
          setFailure(error.code === 'RATE_LIMITED' ? 'Too many attempts. Wait a minute.' : error.message);
      } else setFailure('Could not register. Check your connection and try again.');
    }
  });

  const password = useWatch({ control, name: 'password' });
  const emailField = register('email');
  const usernameField = register('username');
  const e = formState.errors;
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="Create account">
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        error={e.email?.message}
        {...emailField}
        onBlur={async (event) => {
          await emailField.onBlur(event);
          await checkTaken('email')(event.target.value);
        }}
      />
      <TextField
        label="Username"
        autoComplete="username"
        error={e.username?.message}
        hint="3-50 letters, digits or underscores"
        {...usernameField}
        onBlur={async (event) => {
          await usernameField.onBlur(event);
          await checkTaken('username')(event.target.value);
        }}
      />
      <TextField
        label="Display name"
        autoComplete="name"
        error={e.display_name?.message}
        {...register('display_name')}
      />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        error={e.password?.message}
        hint={<PasswordStrengthMeter password={password} />}
        {...register('password')}
      />
      <TextField
        label="Confirm password"
        type="password"
        autoComplete="new-password"
        error={e.confirm_password?.message}
        {...register('confirm_password')}
      />
      {failure && (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {failure}
        </p>
      )}
      <Button type="submit" pending={formState.isSubmitting}>
        {formState.isSubmitting ? 'Creating account…' : 'Create account'}
      </Button>
    </form>
  );
}
