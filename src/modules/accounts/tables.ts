// Tables of the accounts module other modules may read or reference in SQL (foreign keys to users).
export { users, sessions, passwordResets } from './accounts.tables.js';
