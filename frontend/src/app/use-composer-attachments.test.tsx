import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useAnnouncer } from '@/components/live-region';
import { MessageComposer } from '@/features/messages/components/message-composer';
import { forgetServerLimit } from '@/features/uploads/model/upload-queue';
import { useSessionStore } from '@/lib/session-store';
import { aFile, FakeXhr, installFakeXhr } from '@/testing/fake-xhr';
import { renderWithQuery } from '@/testing/render-with-query';
import { jsonResponse, routeFetch, type FetchCall } from '@/testing/route-fetch';
import { useComposerAttachments } from './use-composer-attachments';

function Composer() {
  const { attachments } = useComposerAttachments('r1');
  return <MessageComposer roomId="r1" attachments={attachments} />;
}

const report = {
  id: 'u1',
  filename: 'report.pdf',
  size: 3000,
  content_type: 'application/pdf',
  width: null,
  height: null,
  url: '/api/v1/uploads/u1',
  thumbnail_url: null,
};

describe('the composer with its upload queue', () => {
  beforeEach(() => {
    installFakeXhr();
    forgetServerLimit();
    useSessionStore.setState({
      accessToken: 't',
      user: { id: 'me', email: 'me@example.test', username: 'me', display_name: 'Me', avatar_url: null },
    });
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:p'), revokeObjectURL: vi.fn() });
  });

  it('picks a file with the attach button, shows its progress, and sends it once it is up', async () => {
    const sends: FetchCall[] = [];
    routeFetch((call) => {
      if (call.url.endsWith('/rooms/r1/uploads'))
        return jsonResponse(201, {
          id: 'u1',
          upload: { method: 'PUT', url: '/api/v1/uploads/u1', headers: {} },
          max_bytes: 26214400,
          expires_at: '2026-12-04T03:00:00Z',
        });
      if (call.url.endsWith('/uploads/u1/complete')) return jsonResponse(200, report);
      if (call.url.endsWith('/rooms/r1/messages')) {
        sends.push(call);
        return new Promise(() => undefined);
      }
      throw new Error(`unexpected ${call.url}`);
    });
    const user = userEvent.setup();
    renderWithQuery(<Composer />);
    const attach = screen.getByRole('button', { name: 'Attach files' });
    await user.click(attach);
    await user.upload(screen.getByTestId('attach-input'), aFile('report.pdf', 3000, 'application/pdf'));

    const chips = screen.getByRole('list', { name: 'Attachments' });
    await waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
    act(() => FakeXhr.sent[0]!.progress(750, 3000));
    expect(within(chips).getByRole('progressbar', { name: 'Uploading report.pdf' })).toHaveAttribute(
      'aria-valuenow',
      '25',
    );
    expect(useAnnouncer.getState().message).toBe('report.pdf: 25% uploaded');
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();

    act(() => FakeXhr.sent[0]!.respond(204));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Send' })).toBeEnabled());
    expect(within(chips).getByRole('button', { name: 'Remove report.pdf' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Send' }));
    expect(sends[0]!.body).toMatchObject({ content: '', attachments: ['u1'] });
    expect(screen.queryByRole('list', { name: 'Attachments' })).not.toBeInTheDocument();
  });

  it('says why a file is refused before it is uploaded, until dismissed', async () => {
    const { calls } = routeFetch(() => jsonResponse(500, {}));
    const user = userEvent.setup();
    renderWithQuery(<Composer />);
    await user.upload(screen.getByTestId('attach-input'), aFile('blank.txt', 0, 'text/plain'));
    expect(screen.getByRole('alert')).toHaveTextContent('“blank.txt” is empty.');
    expect(calls).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
