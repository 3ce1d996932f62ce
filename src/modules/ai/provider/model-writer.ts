import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateImage, generateText, jsonSchema, NoImageGeneratedError, NoObjectGeneratedError, Output, type LanguageModelUsage } from 'ai';
import sharp from 'sharp';
import { z } from 'zod';
import type { Tenant } from '../../../platform/db/tenant.js';
import { AppError } from '../../../platform/errors.js';
import type { Runtime } from '../../../platform/runtime.js';
import type { TModelWriter, TObjectRequest } from '../ai-context.js';
import { assertUnderCap, recordUsage } from './ai-usage.js';
import { DEFAULT_POLICY, isRequestRefused, withRetries, type TCallPolicy } from './call-policy.js';
import { nearestImageSize } from './image-size.js';
import { dataPrompt, systemPrompt } from './model-prompt.js';
import type { TProviderSettings } from './provider-settings.js';

// The SDK prints its warnings with console.warn; the one we meet on purpose (a schema in JSON mode, sent in the
// prompt instead) is no news, and our logs go through pino.
(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

/** Overrides of the call policy (tests: a short timeout, instant backoffs). */
export type TWriterOptions = Partial<TCallPolicy>;

type TAnswer<T> = { valid: true; value: T } | { valid: false; why: string };

/** An invalid answer is asked again once: a model that breaks the schema twice will not fix it on a third try. */
const ANSWER_ATTEMPTS = 2;

/**
 * A TModelWriter on an OpenAI-compatible endpoint through the `ai` SDK. Objects are asked with a `json_schema`
 * response format (not strict: OpenAI's strict mode refuses our length limits; zod checks the answer anyway). A server
 * that refuses `json_schema` (some Ollama or LM Studio versions answer 400) is asked again in JSON mode
 * (`json_object`, the schema in the prompt), and the writer stays in JSON mode for its next calls.
 */
export function createModelWriter(runtime: Runtime, tenant: Tenant, settings: TProviderSettings, options: TWriterOptions = {}): TModelWriter {
  const policy: TCallPolicy = { ...DEFAULT_POLICY, timeoutMs: runtime.config.ai.timeoutMs, ...options };
  const endpoint = (supportsStructuredOutputs: boolean) =>
    createOpenAICompatible({ name: 'openaiCompatible', baseURL: settings.baseUrl, apiKey: settings.apiKey, supportsStructuredOutputs });
  const structured = endpoint(true);
  const jsonOnly = endpoint(false);
  let jsonMode = false;

  /** One answer: a request to the provider (with its retries), its usage recorded, the answer checked. */
  async function answer<T>(request: TObjectRequest<T>): Promise<TAnswer<T>> {
    await assertUnderCap(runtime, tenant);
    const schema = jsonSchemaOf(request.schema);
    const mode = jsonMode;
    let outcome: { answer: TAnswer<T>; usage: LanguageModelUsage | undefined };
    try {
      outcome = await withRetries(policy, async (abortSignal) => {
        try {
          const result = await generateText({
            model: (mode ? jsonOnly : structured)(settings.model),
            system: systemPrompt(request.instructions, mode ? schema : undefined),
            prompt: dataPrompt(request.data),
            output: Output.object({ schema: jsonSchema<T>(schema, { validate: validatorOf(request.schema) }), name: schemaName(request.task) }),
            providerOptions: { openaiCompatible: { strictJsonSchema: false } },
            maxRetries: 0,
            abortSignal,
          });
          return { answer: { valid: true, value: result.output }, usage: result.totalUsage };
        } catch (error) {
          if (!NoObjectGeneratedError.isInstance(error)) throw error;
          const salvaged = salvage(error.text, request.schema);
          return { answer: salvaged ?? { valid: false, why: error.cause instanceof Error ? error.cause.message : error.message }, usage: error.usage };
        }
      });
    } catch (error) {
      if (!mode && isRequestRefused(error)) {
        jsonMode = true;
        return answer(request);
      }
      throw error;
    }
    await recordUsage(runtime, tenant, { requests: 1, inputTokens: outcome.usage?.inputTokens ?? 0, outputTokens: outcome.usage?.outputTokens ?? 0 });
    return outcome.answer;
  }

  return {
    model: settings.model,
    imageModel: settings.imageModel,

    async object<T>(request: TObjectRequest<T>): Promise<T> {
      let last: TAnswer<T> | undefined;
      for (let attempt = 1; attempt <= ANSWER_ATTEMPTS; attempt += 1) {
        last = await answer(request);
        if (last.valid) return last.value;
        runtime.log.warn({ task: request.task, attempt, why: last.why.slice(0, 500) }, 'AI answer invalid');
      }
      throw new AppError('bad_gateway', "The AI model's answer did not have the expected shape", { reason: 'ai_answer_invalid' });
    },

    async image({ prompt, width, height }) {
      const imageModel = settings.imageModel;
      if (!imageModel) throw new AppError('conflict', 'No image model is set', { reason: 'ai_image_model_missing' });
      await assertUnderCap(runtime, tenant);
      const size = nearestImageSize(imageModel, width, height);
      let bytes: Uint8Array;
      try {
        const result = await withRetries(policy, (abortSignal) =>
          generateImage({ model: structured.imageModel(imageModel), prompt, size, n: 1, maxRetries: 0, abortSignal }),
        );
        bytes = result.image.uint8Array;
      } catch (error) {
        if (NoImageGeneratedError.isInstance(error)) throw invalidImage();
        throw error;
      }
      await recordUsage(runtime, tenant, { requests: 1, images: 1 });
      // Cropped to the exact size asked (the API only has a few), and PNG whatever the server sent.
      return sharp(Buffer.from(bytes))
        .resize(width, height, { fit: 'cover' })
        .png()
        .toBuffer()
        .catch(() => Promise.reject(invalidImage()));
    },
  };
}

function invalidImage(): AppError {
  return new AppError('bad_gateway', 'The AI image model did not return an image', { reason: 'ai_answer_invalid' });
}

/** The JSON Schema sent to the model: what the answer must be once parsed (`output`), anything zod cannot say left open. */
function jsonSchemaOf(schema: z.ZodType): Parameters<typeof jsonSchema>[0] {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
  return rest as Parameters<typeof jsonSchema>[0];
}

function validatorOf<T>(schema: z.ZodType<T>) {
  return (value: unknown) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? { success: true as const, value: parsed.data } : { success: false as const, error: parsed.error };
  };
}

/** OpenAI's response format names: letters, digits, `_` and `-`, up to 64. */
function schemaName(task: string): string {
  return task.replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, 64) || 'answer';
}

/**
 * Some servers in JSON mode still wrap the object in a Markdown fence or a sentence: the object inside is taken when
 * it fits the schema. Anything else stays an invalid answer.
 */
function salvage<T>(text: string | undefined, schema: z.ZodType<T>): TAnswer<T> | null {
  if (!text) return null;
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start || (start === 0 && end === text.length - 1)) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text.slice(start, end + 1)));
    return parsed.success ? { valid: true, value: parsed.data } : null;
  } catch {
    return null;
  }
}
