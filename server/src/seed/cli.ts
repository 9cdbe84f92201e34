import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { DEMO_PASSWORD, STAFF } from './demo-people.js';
import { isDatabaseEmpty, seedDemoUniversity } from './demo-university.js';
import { loginsText } from './print-logins.js';

/** `npm run seed`: creates the demo university in an empty database (embedded or DATABASE_URL). */
const config = loadConfig();
const database = await openDatabase(
  config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
);
try {
  if (await isDatabaseEmpty(database.db)) {
    const summary = await seedDemoUniversity(database.db);
    console.log(
      `Seeded the demo university: ${summary.logins.length} users, ${summary.sittings.length} sittings.`,
    );
    console.log(loginsText(summary));
  } else {
    console.log('The database already has users; nothing seeded. The demo logins, if it was seeded before:');
    const logins = [
      ...STAFF.map((s) => ({ ...s })),
      { login: 'student01', role: 'student' as const, fullName: '' },
      { login: 'student30', role: 'student' as const, fullName: '' },
    ];
    console.log(loginsText({ password: DEMO_PASSWORD, logins }));
  }
} finally {
  await database.close();
}
