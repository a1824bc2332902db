import { useConnectionStore } from '@/lib/realtime/connection-store';

/** Says when live updates are off; messages still send and load over REST meanwhile. */
export function ConnectionBanner() {
  const status = useConnectionStore((s) => s.status);
  if (status === 'open' || status === 'idle' || status === 'stopped') return null;
  const text =
    status === 'connecting'
      ? 'Connecting to live updates… Messages still send and load.'
      : 'Connection lost. Reconnecting… Messages still send and load.';
  return (
    <div
      role="status"
      data-testid="connection-banner"
      className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-950"
    >
      {text}
    </div>
  );
}
