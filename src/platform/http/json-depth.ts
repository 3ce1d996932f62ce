import type { FastifyInstance } from 'fastify';
import { jsonDepth, MAX_JSON_DEPTH } from '../../contracts/common.js';
import { AppError } from '../errors.js';

/**
 * Two checks on every request's input before any schema sees it, each answering 400 naming the place:
 * - a body nested deeper than MAX_JSON_DEPTH: recursive validation (rule trees), JSON.stringify and
 *   PostgreSQL's jsonb parser would overflow their stack on metadata nested 10,000 levels (500);
 * - a NUL character in any string of the body or the query: PostgreSQL text cannot hold one and
 *   failed the query (a search `q` or a rule value with \u0000 answered 500).
 * Both walk the input without recursion, in O(input size).
 */
export function registerJsonDepthLimit(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const body = request.body;
    if (body !== null && typeof body === 'object' && jsonDepth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
      throw new AppError('bad_request', `The body nests more than ${MAX_JSON_DEPTH} levels`, {
        errors: [{ path: 'body', message: `must not nest more than ${MAX_JSON_DEPTH} levels` }],
      });
    }
    const nul = findNul(request.query, 'querystring') ?? findNul(body, 'body');
    if (nul) {
      throw new AppError('bad_request', `${nul} contains a NUL character`, {
        errors: [{ path: nul, message: 'must not contain a NUL character', code: 'nul_character' }],
      });
    }
  });
}

/** The path of the first string (value or key) containing U+0000, or undefined. */
function findNul(value: unknown, root: string): string | undefined {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') {
      if (node.includes('\u0000')) return path;
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        if (key.includes('\u0000')) return path;
        stack.push([child, `${path}.${key}`]);
      }
    }
  }
  return undefined;
}
