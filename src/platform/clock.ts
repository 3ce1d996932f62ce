// The time of scheduled business steps (email sequences' waits and send windows). Production reads the real time;
// a process started with TEST_CLOCK=1 (tests, the end-to-end journeys) may move it on, through the test-only
// endpoint POST /api/test/clock, which is never mounted otherwise (platform/http/test-clock.routes.ts).

let offsetMs = 0;

/** Now, on the business clock. */
export function businessNow(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Moves the business clock on (tests only: the route that calls this exists only under TEST_CLOCK=1). */
export function advanceBusinessClock(ms: number): Date {
  if (ms < 0) throw new Error('the business clock only moves forward');
  offsetMs += ms;
  return businessNow();
}
