import { describe, expect, it } from 'vitest';
import { useSessionStore } from '@/lib/session-store';
import { aliceRenamed } from '@/testing/fixtures';
import { applyUserEvent } from './apply-user-events';

describe('a profile change (user_updated)', () => {
  it("updates the signed-in user's own profile when it is theirs", () => {
    useSessionStore.setState({
      user: { id: 'u1', email: 'a@example.test', username: 'alice', display_name: 'Alice', avatar_url: null },
    });
    applyUserEvent({ event: 'user_updated', data: { user: { ...aliceRenamed, id: 'u9' } } });
    expect(useSessionStore.getState().user?.display_name).toBe('Alice');
    applyUserEvent({ event: 'user_updated', data: { user: aliceRenamed } });
    expect(useSessionStore.getState().user).toMatchObject({
      email: 'a@example.test',
      display_name: 'Alice Liddell',
      avatar_url: 'https://example.test/a.png',
    });
  });
});
