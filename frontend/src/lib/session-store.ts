import { z } from 'zod';
import { create } from 'zustand';

export const currentUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  username: z.string(),
  display_name: z.string(),
  avatar_url: z.string().nullable(),
  is_online: z.boolean().optional(),
  last_seen_at: z.string().nullable().optional(),
  created_at: z.string().optional(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number(),
  user: currentUserSchema,
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

type SessionStatus = 'restoring' | 'signed-in' | 'signed-out';

interface SessionState {
  status: SessionStatus;
  /** In memory only: a reload gets a new one from the refresh cookie. */
  accessToken: string | null;
  user: CurrentUser | null;
  signedIn: (tokens: TokenResponse) => void;
  tokenRefreshed: (tokens: TokenResponse) => void;
  profileChanged: (user: CurrentUser) => void;
  signedOut: () => void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  status: 'restoring',
  accessToken: null,
  user: null,
  signedIn: (tokens) => set({ status: 'signed-in', accessToken: tokens.access_token, user: tokens.user }),
  tokenRefreshed: (tokens) =>
    set({ status: 'signed-in', accessToken: tokens.access_token, user: tokens.user }),
  profileChanged: (user) => set({ user }),
  signedOut: () => set({ status: 'signed-out', accessToken: null, user: null }),
}));

export const currentAccessToken = () => useSessionStore.getState().accessToken;
