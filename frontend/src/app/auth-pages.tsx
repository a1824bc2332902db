import { Link, useLocation, useNavigate } from 'react-router';
import { AuthCard } from '@/features/auth/components/auth-card';
import { LoginForm } from '@/features/auth/components/login-form';
import { RegisterForm } from '@/features/auth/components/register-form';

function useReturnTo() {
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  return () => navigate(from && from.startsWith('/') ? from : '/chat', { replace: true });
}

export function LoginPage() {
  const back = useReturnTo();
  return (
    <AuthCard
      title="Sign in"
      footer={
        <>
          New here?{' '}
          <Link className="font-semibold text-brand-700 underline" to="/register">
            Create an account
          </Link>
        </>
      }
    >
      <LoginForm onSignedIn={back} />
    </AuthCard>
  );
}

export function RegisterPage() {
  const back = useReturnTo();
  return (
    <AuthCard
      title="Create your account"
      footer={
        <>
          Already registered?{' '}
          <Link className="font-semibold text-brand-700 underline" to="/login">
            Sign in
          </Link>
        </>
      }
    >
      <RegisterForm onSignedIn={back} />
    </AuthCard>
  );
}
