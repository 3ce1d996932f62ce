// The AI tables other modules may read in SQL. Writes go through ./index.ts.
export { aiBrandKits, aiGenerations, aiUsageMonths } from './ai.tables.js';
