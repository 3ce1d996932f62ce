import type { z } from 'zod';
import type { TAiLanguage, TAiTone, TBrandKit } from '../../contracts/ai.js';
import type { TAuth } from '../../platform/auth/access.js';
import type { Tenant } from '../../platform/db/tenant.js';
import type { Runtime } from '../../platform/runtime.js';

// The shapes every part of the AI module shares: what a writer knows of a generation, and what a model offers.
// A generation's copy is written either by the built-in generator (builtin/: frameworks and phrasings, no model) or by
// a model (provider/), into the same zod schemas (contracts/ai.ts); renderers then turn copy into our documents.

/** What every writer knows of a generation besides its brief. */
export type TWriteContext = {
  language: TAiLanguage;
  tone: TAiTone;
  brand: TBrandKit;
  /** The workspace's currency (ISO 4217), for prices in the copy. */
  currency: string;
  workspaceName: string;
  /**
   * A number drawn from the brief (and a regeneration counter): the built-in generator picks its phrasings with it, so
   * one brief always gives the same copy and two briefs, or a regeneration, give different copy.
   */
  seed: number;
};

/** One structured call to a model: the instructions are ours, `data` is the member's (briefs, brand kit) kept apart. */
export type TObjectRequest<T> = {
  /** What is written, for the usage's record and the logs (`funnel_page`, `email`, `ad`, `rewrite`…). */
  task: string;
  schema: z.ZodType<T>;
  /** Our instructions (system prompt). Never contains member-provided text. */
  instructions: string;
  /** The member's data: sent as a delimited JSON block the instructions describe as data, not instructions. */
  data: Record<string, unknown>;
};

/** A model the workspace may call (provider/): structured text, and images when an image model is set. */
export type TModelWriter = {
  model: string;
  imageModel: string | null;
  /** An object matching `schema`; an answer that does not fit is retried once, then reported (AppError bad_gateway). */
  object<T>(request: TObjectRequest<T>): Promise<T>;
  /** A PNG from the image model; throws when none is set. */
  image(request: { prompt: string; width: number; height: number }): Promise<Buffer>;
};

/** FNV-1a of a text: the seed of a brief. */
export function seedOf(...parts: (string | number | undefined | null)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.map((p) => String(p ?? '')).join('\u0001')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** What a target's generation (funnels/, email/, ads/) receives from the routes. */
export type TGenerationDeps = {
  runtime: Runtime;
  tenant: Tenant;
  actor: TAuth;
  /** null: the built-in generator writes. */
  writer: TModelWriter | null;
  ctx: TWriteContext;
  /** Reports a step (streamed to the UI as a `progress` event); `step` is a stable key, e.g. `page:sales`. */
  progress: (step: string, done: number, total: number) => void;
};

/** What a target's generation returns: the draft made, the copy written (kept to regenerate) and the 201 body. */
export type TGenerated<TOutput, TBody> = { targetId: string; output: TOutput; body: TBody };
