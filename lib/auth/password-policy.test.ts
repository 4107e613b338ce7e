import { describe, expect, it } from 'vitest';
import { commonPasswords } from './common-passwords';
import { newPasswordSchema, signUpSchema } from './credentials';
import { passwordMessages } from './password-policy';

function passwordErrors(password: string): string[] {
  const result = newPasswordSchema.safeParse(password);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

function signUpPasswordErrors(email: string, password: string): string[] {
  const result = signUpSchema.safeParse({ name: 'Nina', email, password, workspace: 'Nina Shop' });
  return result.success ? [] : result.error.issues.filter((issue) => issue.path[0] === 'password').map((issue) => issue.message);
}

describe('new password policy', () => {
  it('refuses fewer than 10 characters, with that one message even when the password is also common', () => {
    expect(passwordErrors('k3y-b0ard')).toEqual([passwordMessages.tooShort]);
    expect(passwordErrors('password')).toEqual([passwordMessages.tooShort]);
  });

  it('counts the 72-byte limit in UTF-8 bytes, not characters, and says why', () => {
    expect(passwordErrors('x'.repeat(72))).toEqual([]);
    expect(passwordErrors('x'.repeat(73))).toEqual([passwordMessages.tooLong]);
    expect(passwordErrors('é'.repeat(36))).toEqual([]); // 36 characters, 72 bytes
    expect(passwordErrors('é'.repeat(37))).toEqual([passwordMessages.tooLong]); // 37 characters, 74 bytes
    expect(passwordErrors('🔐'.repeat(19))).toEqual([passwordMessages.tooLong]); // 38 UTF-16 units, 76 bytes
    expect(passwordMessages.tooLong).toMatch(/72 bytes.*ignored/);
  });

  it('refuses common passwords whatever their case', () => {
    for (const password of ['1234567890', 'QwertyUiop', 'PASSWORD123', 'Password@123', 'Qwerty123456']) {
      expect(passwordErrors(password), password).toEqual([passwordMessages.tooCommon]);
    }
    expect(passwordMessages.tooCommon).toBe('This password is too common; choose another one.');
  });

  it('refuses the email address or its local part as the password', () => {
    expect(signUpPasswordErrors('nina.newcomer@example.com', 'Nina.Newcomer@Example.com')).toEqual([passwordMessages.isEmail]);
    expect(signUpPasswordErrors('nina.newcomer@example.com', 'NINA.NEWCOMER')).toEqual([passwordMessages.isEmail]);
    expect(signUpPasswordErrors('nina.newcomer@example.com', 'nina.newcomer!')).toEqual([]);
  });

  it('reports the email-as-password problem even when another field is invalid', () => {
    const result = signUpSchema.safeParse({ name: '', email: 'nina.newcomer@example.com', password: 'nina.newcomer', workspace: 'Nina Shop' });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0]).sort()).toEqual(['name', 'password']);
  });

  it('accepts a long uncommon password', () => {
    expect(passwordErrors('correct horse battery staple')).toEqual([]);
    expect(signUpPasswordErrors('nina.newcomer@example.com', 'Tangerine-Quasar-42')).toEqual([]);
  });

  it('ships a list of over a thousand lowercase entries', () => {
    expect(commonPasswords.size).toBeGreaterThan(1000);
    expect([...commonPasswords].every((password) => password === password.toLowerCase() && password.trim() === password)).toBe(true);
    expect(commonPasswords.has('123456')).toBe(true);
  });
});
