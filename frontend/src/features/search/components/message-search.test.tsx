import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQuery } from '@/testing/render-with-query';
import type { SearchPage } from '../api/search-messages';
import { MessageSearch } from './message-search';

const result = (id: string, snippet: SearchPage['results'][number]['snippet']) => ({
  message: {
    id,
    room_id: 'r1',
    sender: { id: 'bob', username: 'bob', display_name: 'Bob' },
    content: snippet.map((s) => s.text).join(''),
    created_at: '2026-12-01T10:00:00.000Z',
  },
  room: { id: 'r1', name: 'general', is_direct: false },
  snippet,
});

function answering(...pages: SearchPage[]) {
  const fetchMock = vi.fn(
    async () =>
      new Response(JSON.stringify(pages.shift()), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const requested = (fetchMock: ReturnType<typeof answering>, call: number) =>
  new URL(String((fetchMock.mock.calls[call] as unknown[])[0]), 'http://x').searchParams;

describe('MessageSearch', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('searches on Enter and shows room, sender and the snippet with its matches marked', async () => {
    const fetchMock = answering({
      results: [
        result('m1', [
          { text: 'the ', match: false },
          { text: 'quarterly', match: true },
          { text: ' report is <b>ready</b>', match: false },
        ]),
      ],
      next_cursor: null,
      has_more: false,
    });
    const user = userEvent.setup();
    const onOpen = vi.fn();
    renderWithQuery(<MessageSearch onOpen={onOpen} />);
    const box = within(screen.getByRole('search')).getByLabelText('Search messages');
    await user.type(box, 'quarterly');
    expect(fetchMock).not.toHaveBeenCalled(); // only Enter searches
    await user.type(box, '{Enter}');

    const item = await screen.findByTestId('search-result');
    expect(requested(fetchMock, 0).get('q')).toBe('quarterly');
    expect(item).toHaveTextContent('# general');
    expect(item).toHaveTextContent('Bob');
    const marks = item.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['quarterly']);
    // Message text is text: its markup is shown, never made into elements.
    expect(item.querySelector('b')).toBeNull();
    expect(screen.getByTestId('search-snippet')).toHaveTextContent('the quarterly report is <b>ready</b>');

    await user.click(item);
    expect(onOpen).toHaveBeenCalledWith(
      expect.objectContaining({ message: expect.objectContaining({ id: 'm1' }) }),
    );
  }, 15_000); // the first render of this file is slow on a busy CI box

  it('loads more with the cursor of the last page', async () => {
    const fetchMock = answering(
      { results: [result('m1', [{ text: 'one', match: true }])], next_cursor: 'CUR', has_more: true },
      { results: [result('m2', [{ text: 'two', match: true }])], next_cursor: null, has_more: false },
    );
    const user = userEvent.setup();
    renderWithQuery(<MessageSearch onOpen={() => undefined} />);
    await user.type(screen.getByLabelText('Search messages'), 'x{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Load more results' }));
    await waitFor(() => expect(screen.getAllByTestId('search-result')).toHaveLength(2));
    expect(requested(fetchMock, 1).get('cursor')).toBe('CUR');
    expect(screen.queryByRole('button', { name: 'Load more results' })).toBeNull();
  });

  it('clears the box and the results on Escape', async () => {
    answering({ results: [], next_cursor: null, has_more: false });
    const user = userEvent.setup();
    renderWithQuery(<MessageSearch onOpen={() => undefined} />);
    const box = screen.getByLabelText('Search messages');
    await user.type(box, 'nothing{Enter}');
    expect(await screen.findByText('No messages found')).toBeInTheDocument();
    await user.type(box, '{Escape}');
    expect(box).toHaveValue('');
    expect(screen.queryByRole('region', { name: 'Search results' })).toBeNull();
  });

  it('does not search a blank box', async () => {
    const fetchMock = answering();
    const user = userEvent.setup();
    renderWithQuery(<MessageSearch onOpen={() => undefined} />);
    await user.type(screen.getByLabelText('Search messages'), '   {Enter}');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
