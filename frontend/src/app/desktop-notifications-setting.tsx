import { useState } from 'react';
import { Button } from '@/components/button';
import { notificationPermission, requestNotificationPermission } from './desktop-notifications';

/** The one place that asks for notification permission: on a click, never on load. */
export function DesktopNotificationsSetting() {
  const [permission, setPermission] = useState(notificationPermission);
  if (permission === 'unsupported')
    return <p className="text-sm text-slate-600">This browser cannot show desktop notifications.</p>;
  if (permission === 'granted')
    return (
      <p className="text-sm text-slate-700" data-testid="notifications-on">
        Desktop notifications are on for mentions and direct messages while NexusChat is in the background
        (not for muted rooms).
      </p>
    );
  if (permission === 'denied')
    return (
      <p className="text-sm text-slate-700">
        Desktop notifications are blocked for this site: allow them in the browser&apos;s site settings.
      </p>
    );
  return (
    <Button
      variant="secondary"
      onClick={() => void requestNotificationPermission().then(setPermission)}
      data-testid="enable-notifications"
    >
      Enable desktop notifications
    </Button>
  );
}
