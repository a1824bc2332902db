import { describe, expect, it } from 'vitest';
import { useSessionStore } from '@/lib/session-store';
import { applyUserEvent } from './apply-user-events';

describe('a profile change (user_updated)', () => {
  const renamed = {
    id: 'u1',
    username: 'alice',
    display_name: 'Alice Liddell',
    avatar_url: 'https://example.test/a.png',
  };

  it("updates the signed-in user's own profile when it is theirs", () => {
    useSessionStore.setState({
      user: { id: 'u1', email: 'a@example.test', username: 'alice', display_name: 'Alice', avatar_url: null },
    });
    applyUserEvent({ event: 'user_updated', data: { user: { ...renamed, id: 'u9' } } });
    expect(useSessionStore.getState().user?.display_name).toBe('Alice');
    applyUserEvent({ event: 'user_updated', data: { user: renamed } });
    expect(useSessionStore.getState().user).toMatchObject({
      email: 'a@example.test',
      display_name: 'Alice Liddell',
      avatar_url: 'https://example.test/a.png',
    });
  });
});
