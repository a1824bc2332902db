import type { ReactNode } from 'react';

export function AuthCard({
  title,
  children,
  footer,
}: {
  title: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm rounded-lg bg-white p-6 shadow">
        <p className="mb-1 text-sm font-semibold text-brand-700">NexusChat</p>
        <h1 className="mb-5 text-2xl font-bold">{title}</h1>
        {children}
        <p className="mt-5 text-sm text-slate-700">{footer}</p>
      </div>
    </main>
  );
}
