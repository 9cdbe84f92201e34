import type { Language, Role } from '@adal/shared';

/** The logged-in user a request or socket acts for. */
export interface Actor {
  id: string;
  login: string;
  fullName: string;
  role: Role;
  language: Language;
}
