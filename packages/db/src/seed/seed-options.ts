import type { PersonalDataKeys } from '@xinfang/security/personal-data';

export interface SeedOptions {
  now: Date;
  keys: PersonalDataKeys;
  hashPassword: (password: string) => Promise<string>;
  /** Number of synthetic petitions; default 200. */
  petitions?: number;
}
