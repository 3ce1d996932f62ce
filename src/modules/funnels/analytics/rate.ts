/** part / whole, or null when there is nothing to divide by (never a made-up 0). */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
