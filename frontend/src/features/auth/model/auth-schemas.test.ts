import { describe, expect, it } from 'vitest';
import { passwordStrength, registerSchema } from './auth-schemas';

const valid = {
  email: 'alice@example.com',
  username: 'alice_1',
  display_name: 'Alice',
  password: 'Secure-Pass1',
  confirm_password: 'Secure-Pass1',
};
const errorsOf = (values: object) => {
  const result = registerSchema.safeParse({ ...valid, ...values });
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('registration rules', () => {
  it('accepts a valid form', () => expect(errorsOf({})).toEqual({}));
  it('mirrors the server rules per field', () => {
    expect(errorsOf({ email: 'nope' })).toHaveProperty('email');
    expect(errorsOf({ username: 'al' })).toHaveProperty('username');
    expect(errorsOf({ username: 'bad name!' })).toHaveProperty('username');
    expect(errorsOf({ display_name: '   ' })).toHaveProperty('display_name');
    expect(errorsOf({ password: 'alllowercase1', confirm_password: 'alllowercase1' }).password).toMatch(
      /upper-case/,
    );
    expect(errorsOf({ password: 'NoDigitsHere', confirm_password: 'NoDigitsHere' }).password).toMatch(
      /digit/,
    );
    expect(errorsOf({ password: 'Sh0rt', confirm_password: 'Sh0rt' }).password).toMatch(/8 characters/);
  });
  it('requires the confirmation to match', () => {
    expect(errorsOf({ confirm_password: 'Secure-Pass2' }).confirm_password).toBe('Passwords do not match');
  });
});

describe('passwordStrength', () => {
  it('grades weak, medium and strong', () => {
    expect(passwordStrength('password')).toBe('weak');
    expect(passwordStrength('Password1')).toBe('medium');
    expect(passwordStrength('Correct-Horse-Battery-9')).toBe('strong');
  });
});
