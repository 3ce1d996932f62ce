// Writes the demo's export files next to this script: `npx tsx src/modules/ads/demo/generate-demo-reports.ts`.
// Run it after changing demo-reports.ts (ads.demo.test.ts fails while the shipped files differ from what it writes).
import { writeFileSync } from 'node:fs';
import { DEMO_FILES, DEMO_REPORTS, type TDemoNetwork } from './demo-reports.js';

for (const network of Object.keys(DEMO_FILES) as TDemoNetwork[]) {
  const target = new URL(`./${DEMO_FILES[network]}`, import.meta.url);
  writeFileSync(target, DEMO_REPORTS[network]());
  console.log(`wrote ${target.pathname}`);
}
