import { z } from 'zod';

// The server's rules (AuthRequests, PasswordPolicy), checked before a round trip.
export const passwordRules = z
  .string()
  .min(8, 'Must be at least 8 characters')
  .max(128, 'Must be at most 128 characters')
  .regex(/[A-Z]/, 'Must contain an upper-case letter')
  .regex(/[a-z]/, 'Must contain a lower-case letter')
  .regex(/\d/, 'Must contain a digit');

export const registerSchema = z
  .object({
    email: z
      .string()
      .trim()
      .min(1, 'Email is required')
      .max(255, 'Must be at most 255 characters')
      .email('Enter a valid email address'),
    username: z.string().regex(/^[A-Za-z0-9_]{3,50}$/, '3-50 letters, digits or underscores'),
    display_name: z
      .string()
      .trim()
      .min(1, 'Display name is required')
      .max(100, 'Must be at most 100 characters'),
    password: passwordRules,
    confirm_password: z.string(),
  })
  .refine((v) => v.password === v.confirm_password, {
    path: ['confirm_password'],
    message: 'Passwords do not match',
  });
export type RegisterValues = z.infer<typeof registerSchema>;

export const loginSchema = z.object({
  email: z.string().trim().min(1, 'Email is required'),
  password: z.string().min(1, 'Password is required'),
  remember_me: z.boolean(),
});
export type LoginValues = z.infer<typeof loginSchema>;

export type Strength = 'weak' | 'medium' | 'strong';

/** Rough guidance for the meter; the server's rules decide what is accepted. */
export function passwordStrength(password: string): Strength {
  if (!passwordRules.safeParse(password).success) return 'weak';
  let score = 0;
  if (password.length >= 12) score++;
  if (password.length >= 16) score++;
  if (/[^A-Za-z0-9]/.test(password)) score++;
  return score >= 2 ? 'strong' : 'medium';
}
