import { applicationRoleStatements, grantApplicationRole } from '../application-role.ts';
import { openFromEnvironment } from './environment.ts';

// Usage: DATABASE_URL=<the owner's URL> pnpm db:grant-app-role <role>   (the login role the server will connect as)
const role = process.argv[2];
if (!role) {
  console.error('Usage: DATABASE_URL=<owner URL> pnpm db:grant-app-role <application role>');
  process.exit(2);
}
const { handle } = await openFromEnvironment();
try {
  if (handle.engine !== 'postgres') throw new Error('Only for PostgreSQL (set DATABASE_URL to the owner of the schema); PGlite has no roles to separate.');
  await grantApplicationRole(handle.db, role);
  console.log(`Granted on ${handle.description}:\n${applicationRoleStatements(role).map((statement) => `  ${statement};`).join('\n')}`);
} finally {
  await handle.close();
}
