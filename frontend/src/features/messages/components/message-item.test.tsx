import { render, screen } from '@testing-library/react';
import { renderWithQuery } from '@/testing/render-with-query';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { aMessage } from '@/testing/fixtures';
import { useThreadPanelStore } from '../model/thread-panel-store';
import { MessageItem } from './message-item';

describe('MessageItem', () => {
  it('keeps a busy Retry focused while a failed message is sent again, and retries once', async () => {
    const onRetry = vi.fn();
    const user = userEvent.setup();
    const failed = aMessage({ client_id: 'c1', delivery: 'failed' });
    const props = {
      startsGroup: true,
      mine: true,
      canModerate: false,
      onRetry,
      onDelete: () => undefined,
      onToggleReaction: () => undefined,
    };
    const { rerender } = render(
      <ul>
        <MessageItem message={failed} {...props} />
      </ul>,
    );
    const retry = screen.getByRole('button', { name: 'Retry' });
    await user.click(retry);
    expect(onRetry).toHaveBeenCalledTimes(1);

    // What the retry does to the cache: the message is pending again.
    rerender(
      <ul>
        <MessageItem message={{ ...failed, delivery: 'pending' }} {...props} />
      </ul>,
    );
    expect(screen.getByRole('button', { name: 'Retry' })).toBe(retry);
    expect(retry).toHaveFocus();
    expect(retry).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText(/Sending…/)).toBeInTheDocument();
    await user.click(retry);
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('renders the body as Markdown, its label and reply preview as plain text', () => {
    const parent = { id: 'p1', sender_display_name: 'Bob', content: '**Plan** for `v2`', is_deleted: false };
    const message = aMessage({ content: '**ship** it, see [notes](https://example.test/n)', parent });
    render(
      <ul>
        <MessageItem
          message={message}
          startsGroup
          mine={false}
          canModerate={false}
          onRetry={() => undefined}
          onDelete={() => undefined}
          onToggleReaction={() => undefined}
        />
      </ul>,
    );
    expect(screen.getByTestId('message-content').querySelector('strong')).toHaveTextContent('ship');
    expect(screen.getByRole('link', { name: 'notes' })).toHaveAttribute('href', 'https://example.test/n');
    expect(screen.getByRole('listitem')).toHaveAttribute('aria-label', 'Alice: ship it, see notes');
    expect(screen.getByTestId('reply-link')).toHaveTextContent('↪ Bob: Plan for v2');
    expect(screen.getByTestId('reply-link').querySelector('strong, code')).toBeNull();
  });

  it('shows a root its replies and opens its thread; a reply opens the thread it is in', async () => {
    const user = userEvent.setup();
    const props = {
      startsGroup: true,
      mine: false,
      canModerate: false,
      onRetry: () => undefined,
      onDelete: () => undefined,
      onToggleReaction: () => undefined,
    };
    const root = aMessage({
      id: 'root',
      room_id: 'r1',
      reply_count: 2,
      last_reply_at: new Date().toISOString(),
    });
    const { unmount } = render(
      <ul>
        <MessageItem message={root} {...props} />
      </ul>,
    );
    const summary = screen.getByTestId('thread-summary');
    expect(summary).toHaveTextContent(/^2 replies · last reply just now/);
    await user.click(summary);
    expect(useThreadPanelStore.getState().open).toEqual({ roomId: 'r1', rootId: 'root' });
    unmount();

    useThreadPanelStore.getState().threadClosed();
    const reply = aMessage({ id: 'x', room_id: 'r1', parent_id: 'root', thread_root_id: 'root' });
    render(
      <ul>
        <MessageItem message={reply} {...props} />
      </ul>,
    );
    expect(screen.queryByTestId('thread-summary')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Reply in thread' }));
    expect(useThreadPanelStore.getState().open).toEqual({ roomId: 'r1', rootId: 'root' });
  });

  it('in the thread panel shows neither the thread line nor the thread actions', () => {
    const root = aMessage({ reply_count: 3, last_reply_at: '2026-02-16T14:30:00.000Z' });
    render(
      <ul>
        <MessageItem
          message={root}
          startsGroup
          mine={false}
          canModerate={false}
          onRetry={() => undefined}
          onDelete={() => undefined}
          onToggleReaction={() => undefined}
          inThread
        />
      </ul>,
    );
    expect(screen.queryByTestId('thread-summary')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reply in thread' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Reply to/ })).toBeNull();
  });

  it('shows a files-only message with its files, and names them in its label', () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => undefined)),
    );
    const message = aMessage({
      content: '',
      attachments: [
        {
          id: 'u1',
          filename: 'cat.png',
          size: 10,
          content_type: 'image/png',
          width: 40,
          height: 30,
          url: '/api/v1/uploads/u1',
          thumbnail_url: '/api/v1/uploads/u1/thumbnail',
        },
        {
          id: 'u2',
          filename: 'plan.pdf',
          size: 10,
          content_type: 'application/pdf',
          width: null,
          height: null,
          url: '/api/v1/uploads/u2',
          thumbnail_url: null,
        },
      ],
    });
    renderWithQuery(
      <ul>
        <MessageItem
          message={message}
          startsGroup
          mine={false}
          canModerate={false}
          onRetry={() => undefined}
          onDelete={() => undefined}
          onToggleReaction={() => undefined}
        />
      </ul>,
    );
    expect(screen.getByTestId('message')).toHaveAttribute(
      'aria-label',
      'Alice: (attached: cat.png, plan.pdf)',
    );
    expect(screen.getByRole('button', { name: 'Open cat.png' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download plan.pdf' })).toBeInTheDocument();
  });
});
