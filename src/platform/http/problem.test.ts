import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { MAX_PROBLEM_ERRORS, problemErrorHandler } from './problem.js';

// One problem document stays small however many fields are wrong.

let app: FastifyInstance;

beforeAll(async () => {
  app = Fastify({ bodyLimit: 10 * 1_048_576 });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemErrorHandler);
  app.post('/service', async () => {
    const errors = Array.from({ length: 60_000 }, (_, i) => ({ path: `body.custom_fields.key_${i}`, message: 'unknown custom field' }));
    throw new AppError('bad_request', `Invalid custom fields: ${errors.map((e) => e.path).join(', ')}`, { errors });
  });
  app.withTypeProvider<ZodTypeProvider>().post('/schema', { schema: { body: z.record(z.string(), z.number()) } }, async () => ({}));
  await app.ready();
});
afterAll(() => app.close());

describe('problem documents', () => {
  it('list the first 100 field errors of a service and count the others', async () => {
    const res = await app.inject({ method: 'POST', url: '/service', payload: {} });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors).toHaveLength(MAX_PROBLEM_ERRORS);
    expect(body.errors[0].path).toBe('body.custom_fields.key_0');
    expect(body.errors_omitted).toBe(59_900);
    expect(res.body.length).toBeLessThan(20_000);
  });

  it('cap validation errors the same way', async () => {
    const payload = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, 'not a number']));
    const res = await app.inject({ method: 'POST', url: '/schema', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toHaveLength(MAX_PROBLEM_ERRORS);
    expect(res.json().errors_omitted).toBe(4_900);
    expect(res.body.length).toBeLessThan(20_000);
  });
});
