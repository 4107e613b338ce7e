import { z } from 'zod';
import {
  MAX_PASSWORD_BYTES,
  MIN_PASSWORD_LENGTH,
  isCommonPassword,
  isEmailAsPassword,
  passwordBytes,
  passwordMessages,
} from './password-policy';

export const emailSchema = z.string().trim().toLowerCase().email('Enter a valid email address.').max(254);

export const newPasswordSchema = z
  .string()
  // abort: one problem at a time, so a short common password is only told it is short.
  .min(MIN_PASSWORD_LENGTH, { message: passwordMessages.tooShort, abort: true })
  .refine((password) => passwordBytes(password) <= MAX_PASSWORD_BYTES, { message: passwordMessages.tooLong, abort: true })
  .refine((password) => !isCommonPassword(password), passwordMessages.tooCommon);

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'Enter your password.').max(200),
});

export const workspaceNameSchema = z.string().trim().min(2, 'Name your workspace (at least 2 characters).').max(60);

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter your name.').max(100),
    email: emailSchema,
    password: newPasswordSchema,
    workspace: workspaceNameSchema,
  })
  .refine(({ email, password }) => !isEmailAsPassword(password, email), {
    message: passwordMessages.isEmail,
    path: ['password'],
    // Checked even while other fields are invalid, unless the password already has a problem of its own.
    when: ({ value, issues }) => {
      const { email, password } = (value ?? {}) as { email?: unknown; password?: unknown };
      const passwordIssue = issues.some((issue) => issue.path?.[0] === 'password');
      return typeof email === 'string' && typeof password === 'string' && !passwordIssue;
    },
  });
