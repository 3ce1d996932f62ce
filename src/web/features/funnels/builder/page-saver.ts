import type { TFunnelPage } from '../../../../contracts/funnels.js';
import { patchPage } from './builder-api.js';
import { findOversize, type TOversize, type TPageContent } from './page-content.js';

/** Quiet time after the last change before the page is saved. */
export const AUTOSAVE_MS = 1500;

export type TSaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** Over a server limit: not sent until the page is smaller. */
  | { kind: 'too-large'; oversize: TOversize }
  | { kind: 'error'; error: unknown };

type TOptions = {
  funnelId: string;
  pageId: string;
  /** The page's content now (read from the editor when a save starts). */
  collect: () => TPageContent;
  onSaved: (page: TFunnelPage) => void;
};

/**
 * The builder's autosave: every change counts, a save starts 1.5 s after the last one (`PATCH` of the whole
 * content, one request at a time, the newest content winning), `save()` saves now (Ctrl+S, before publishing), and
 * `leave()` sends what is left when the builder closes. Content over a server limit is not sent.
 */
export class PageSaver {
  private version = 0;
  private savedVersion = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private listeners = new Set<(state: TSaveState) => void>();
  private current: TSaveState = { kind: 'saved' };

  constructor(private readonly options: TOptions) {}

  get state(): TSaveState {
    return this.current;
  }

  /** Changes not on the server yet. */
  get dirty(): boolean {
    return this.version !== this.savedVersion;
  }

  /** Calls `listener` with each new state; returns the unsubscribe. */
  subscribe(listener: (state: TSaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Something changed: save after the quiet time. */
  changed(): void {
    this.version += 1;
    if (this.current.kind !== 'saving') this.setState({ kind: 'pending' });
    this.schedule();
  }

  /** Saves now (waiting for a save in progress first); true when the server has the content on screen. */
  async save(): Promise<boolean> {
    clearTimeout(this.timer);
    while (this.inFlight) await this.inFlight;
    const target = this.version;
    if (target === this.savedVersion) {
      this.setState({ kind: 'saved' });
      return true;
    }
    const content = this.options.collect();
    const oversize = findOversize(content);
    if (oversize) {
      this.setState({ kind: 'too-large', oversize });
      return false;
    }
    this.setState({ kind: 'saving' });
    const request = patchPage(this.options.funnelId, this.options.pageId, content)
      .then((page) => {
        this.savedVersion = target;
        this.options.onSaved(page);
        if (this.version === target) this.setState({ kind: 'saved' });
        else {
          this.setState({ kind: 'pending' });
          this.schedule();
        }
      })
      .catch((error: unknown) => this.setState({ kind: 'error', error }))
      .finally(() => {
        this.inFlight = null;
      });
    this.inFlight = request;
    await request;
    return this.savedVersion === this.version;
  }

  /** The builder closes: what was not saved yet is sent now (the request outlives the builder). */
  leave(): void {
    clearTimeout(this.timer);
    this.listeners.clear();
    if (!this.dirty) return;
    const content = this.options.collect();
    if (findOversize(content)) return;
    const { funnelId, pageId, onSaved } = this.options;
    const send = () => patchPage(funnelId, pageId, content).then(onSaved);
    // Sent at once when nothing is on its way (so opening the page again waits for it), else right after.
    void (this.inFlight ? this.inFlight.then(send) : send()).catch(() => undefined);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), AUTOSAVE_MS);
  }

  private setState(state: TSaveState): void {
    this.current = state;
    for (const listener of this.listeners) listener(state);
  }
}
