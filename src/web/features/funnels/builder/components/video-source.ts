// What the video block's "video" setting accepts: an id, or the address people copy from their browser, turned into
// what the public renderer expects (render-page.ts: a YouTube id, a Vimeo number, an MP4 address).

export const VIDEO_PROVIDERS = ['youtube', 'vimeo', 'file'] as const;
export type TVideoProvider = (typeof VIDEO_PROVIDERS)[number];

const YOUTUBE_ID = /^[A-Za-z0-9_-]{6,20}$/;
const VIMEO_ID = /^\d{3,15}$/;
const FILE_URL = /^(https?:\/\/|\/)[^\s"'<>]+$/;

/** The provider an address points at, when it says so (a pasted YouTube or Vimeo link), else null. */
export function providerOf(input: string): TVideoProvider | null {
  const value = input.trim().toLowerCase();
  if (/^(https?:\/\/)?([a-z0-9-]+\.)?(youtube\.com|youtube-nocookie\.com|youtu\.be)\//.test(value)) return 'youtube';
  if (/^(https?:\/\/)?([a-z0-9-]+\.)?vimeo\.com\//.test(value)) return 'vimeo';
  if (/^https?:\/\/\S+\.(mp4|webm|mov)(\?\S*)?$/.test(value)) return 'file';
  return null;
}

/** The id (or file address) to store for this provider; the input trimmed when nothing better is found. */
export function normalizeVideo(provider: TVideoProvider, input: string): string {
  const value = input.trim();
  if (provider === 'youtube') {
    const match = /[?&]v=([A-Za-z0-9_-]{6,20})/.exec(value) ?? /(?:youtu\.be|\/embed|\/shorts|\/live|\/v)\/([A-Za-z0-9_-]{6,20})/.exec(value) ?? null;
    return match ? match[1]! : value;
  }
  if (provider === 'vimeo') {
    const match = /vimeo\.com\/(?:video\/|channels\/[^/]+\/|groups\/[^/]+\/videos\/)?(\d{3,15})/.exec(value);
    return match ? match[1]! : value;
  }
  return value;
}

/** Whether the public renderer will make a player of it (else the block stays an empty frame on the page). */
export function isPlayableVideo(provider: string, video: string): boolean {
  if (provider === 'youtube') return YOUTUBE_ID.test(video);
  if (provider === 'vimeo') return VIMEO_ID.test(video);
  if (provider === 'file') return FILE_URL.test(video);
  return false;
}
