import { describe, expect, it } from 'vitest';
import { isPlayableVideo, normalizeVideo, providerOf } from './video-source.js';

describe('the video setting', () => {
  it('reduces the addresses people paste to what the renderer plays', () => {
    for (const url of [
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s',
      'https://youtu.be/dQw4w9WgXcQ?si=abc',
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
      'https://www.youtube.com/shorts/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'dQw4w9WgXcQ',
    ]) {
      expect(normalizeVideo('youtube', url), url).toBe('dQw4w9WgXcQ');
    }
    expect(normalizeVideo('vimeo', 'https://vimeo.com/76979871')).toBe('76979871');
    expect(normalizeVideo('vimeo', 'https://player.vimeo.com/video/76979871?h=8a')).toBe('76979871');
    expect(normalizeVideo('file', '  https://cdn.example/v.mp4 ')).toBe('https://cdn.example/v.mp4');
  });

  it('recognises the provider of a pasted address', () => {
    expect(providerOf('https://youtu.be/dQw4w9WgXcQ')).toBe('youtube');
    expect(providerOf('vimeo.com/76979871')).toBe('vimeo');
    expect(providerOf('https://cdn.example/v.mp4')).toBe('file');
    expect(providerOf('dQw4w9WgXcQ')).toBeNull();
  });

  it('says whether the public page will get a player', () => {
    expect(isPlayableVideo('youtube', 'dQw4w9WgXcQ')).toBe(true);
    expect(isPlayableVideo('youtube', 'https://youtu.be/x')).toBe(false);
    expect(isPlayableVideo('vimeo', '76979871')).toBe(true);
    expect(isPlayableVideo('vimeo', 'abc')).toBe(false);
    expect(isPlayableVideo('file', '/files/v.mp4')).toBe(true);
    expect(isPlayableVideo('file', 'javascript:x')).toBe(false);
    expect(isPlayableVideo('dailymotion', 'x')).toBe(false);
  });
});
