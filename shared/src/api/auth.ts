import { z } from 'zod';
import { Role } from '../domain/roles.js';
import { Language } from '../domain/sitting-kinds.js';

export const LoginBody = z
  .object({
    login: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .strict();
export type LoginBody = z.infer<typeof LoginBody>;

export const Me = z.object({
  id: z.string().uuid(),
  login: z.string(),
  fullName: z.string(),
  role: Role,
  language: Language,
});
export type Me = z.infer<typeof Me>;

export const UpdateMeBody = z.object({ language: Language }).strict();
export type UpdateMeBody = z.infer<typeof UpdateMeBody>;

/** What logging out on every device ended: this browser's session and the others. */
export const LoggedOutEverywhere = z.object({ endedSessions: z.number().int().min(0) });
export type LoggedOutEverywhere = z.infer<typeof LoggedOutEverywhere>;

export const Empty = z.object({}).strict();
export type Empty = z.infer<typeof Empty>;
