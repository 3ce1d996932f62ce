import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AD_VISUAL_FORMATS, AD_VISUAL_SIZES } from '../../../contracts/ai.js';
import { composeVisual } from './compose-visual.js';
import { contrastRatio, textColorOn, validColor } from './visual-colors.js';

const brand = { name: 'Atelier Sérénité', primary_color: '#1c5fb8', secondary_color: '#f0b429' };

describe('composeVisual', () => {
  it('draws each format as a PNG of its pixel size, accents and typographic signs included', async () => {
    for (const format of AD_VISUAL_FORMATS) {
      const png = await composeVisual({
        format,
        headline: 'Et si vous pouviez retrouver de l’énergie ? Œuvre, été, ça, Łódź',
        subline: 'Inscrivez-vous gratuitement\u00a0: « idéal » pour les sportives !',
        product: 'Coaching en nutrition sportive',
        price: '49,00\u00a0€',
        brand,
      });
      const meta = await sharp(png).metadata();
      expect(meta.format).toBe('png');
      expect({ width: meta.width, height: meta.height }).toEqual(AD_VISUAL_SIZES[format]);
    }
  });

  it('paints the brand’s primary colour as the background, and places a logo', async () => {
    const logo = await sharp({ create: { width: 400, height: 100, channels: 4, background: '#ff0000' } })
      .png()
      .toBuffer();
    const png = await composeVisual({
      format: '1:1',
      headline: 'Titre',
      subline: 'Sous-titre',
      product: 'Produit',
      brand: { ...brand, primary_color: '#0a7d3b', logo },
    });
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(pixel(5, 5)).toEqual([0x0a, 0x7d, 0x3b]);
    // The logo's red sits in the top-left corner, inside the padding.
    expect(pixel(100, 100)).toEqual([255, 0, 0]);
  });

  it('falls back to the default colours when the brand kit holds something else', async () => {
    expect(validColor('red', '#1c5fb8')).toBe('#1c5fb8');
    expect(validColor('#ABCDEF', '#1c5fb8')).toBe('#abcdef');
    const png = await composeVisual({
      format: '1.91:1',
      headline: 'Titre',
      subline: 'Sous-titre',
      product: 'Produit',
      brand: { ...brand, primary_color: 'not a colour' },
    });
    expect((await sharp(png).metadata()).width).toBe(1200);
  });
});

describe('textColorOn', () => {
  it('chooses a text colour with a contrast of at least 4.5:1 on any background', () => {
    for (const background of ['#ffffff', '#000000', '#1c5fb8', '#f0b429', '#777777', '#808080', '#ff0000', '#00ff00', '#5a5a5a', '#949494']) {
      expect(contrastRatio(textColorOn(background), background), background).toBeGreaterThanOrEqual(4.5);
    }
    expect(textColorOn('#1c5fb8')).toBe('#ffffff');
    expect(textColorOn('#f0b429')).toBe('#111111');
  });
});
