import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { currentUserSchema, tokenResponseSchema } from '@/lib/session-store';

export interface LoginInput {
  email: string;
  password: string;
  remember_me: boolean;
}
export const login = (input: LoginInput) =>
  apiRequest('/auth/login', {
    method: 'POST',
    body: input,
    schema: tokenResponseSchema,
    authenticated: false,
  });

export interface RegisterInput {
  email: string;
  username: string;
  display_name: string;
  password: string;
}
export const register = (input: RegisterInput) =>
  apiRequest('/auth/register', {
    method: 'POST',
    body: input,
    schema: currentUserSchema.partial(),
    authenticated: false,
  });

const availabilitySchema = z.object({
  email_available: z.boolean().optional(),
  username_available: z.boolean().optional(),
});
export const checkAvailability = (params: { email?: string; username?: string }) =>
  apiRequest(`/auth/availability?${new URLSearchParams(params as Record<string, string>)}`, {
    schema: availabilitySchema,
    authenticated: false,
  });

export const logout = () => apiRequest('/auth/logout', { method: 'POST', body: {}, authenticated: false });
