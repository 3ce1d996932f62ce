import { Liquid, type FS } from 'liquidjs';

// The one Liquid engine of the product (email personalization now, pages later): templates written by
// workspace members, so no file is ever read (include/render/layout find nothing) and parsing and
// rendering are bounded in size, time and memory.

/** A file system with no files: `{% include %}` and friends fail instead of reading the server's disk. */
const NO_FILES: FS = {
  exists: async () => false,
  existsSync: () => false,
  readFile: async (file) => {
    throw new Error(`templates cannot include files (${file})`);
  },
  readFileSync: (file) => {
    throw new Error(`templates cannot include files (${file})`);
  },
  resolve: (_dir, file) => file,
  contains: async () => false,
  containsSync: () => false,
};

/** Characters a template may hold; a newsletter is tens of kilobytes. */
const PARSE_LIMIT = 1024 * 1024;

export const liquid = new Liquid({
  fs: NO_FILES,
  root: [],
  partials: [],
  layouts: [],
  dynamicPartials: false,
  relativeReference: false,
  ownPropertyOnly: true,
  parseLimit: PARSE_LIMIT,
  // Milliseconds of rendering and bytes of memory per render: a loop over a huge range stops.
  renderLimit: 1000,
  memoryLimit: 16 * 1024 * 1024,
});

/** The syntax error of a template (Liquid's own sentence and where it is), or null when it parses. */
export function liquidSyntaxError(template: string): { message: string; line: number; column: number } | null {
  try {
    liquid.parse(template);
    return null;
  } catch (error) {
    const message = (error as Error).message;
    const [, line = '1', column = '1'] = /line:(\d+), col:(\d+)/.exec(message) ?? [];
    return { message, line: Number(line), column: Number(column) };
  }
}
