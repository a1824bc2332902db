import { z } from 'zod';

// How the server shows a user anywhere (search results, room members, DM peers, socket frames):
// shared by the users and rooms features and the frame parser.
export const userSummarySchema = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string(),
  avatar_url: z.string().nullable(),
  is_online: z.boolean().optional(),
  last_seen_at: z.string().nullable().optional(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;
