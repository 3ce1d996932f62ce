/** A size an images API accepts, `WIDTHxHEIGHT`. */
export type TImageSize = `${number}x${number}`;

// Images APIs take a few sizes only, per model: DALL·E 3 has its 1792 pixel sides, DALL·E 2 squares only, and
// gpt-image models (and most compatible servers, which copy them) 1024 squares and 1536 pixel sides.
const SIZES: { match: RegExp; sizes: TImageSize[] }[] = [
  { match: /^dall-e-2/i, sizes: ['1024x1024'] },
  { match: /^dall-e-3/i, sizes: ['1024x1024', '1792x1024', '1024x1792'] },
  { match: /.*/, sizes: ['1024x1024', '1536x1024', '1024x1536'] },
];

/** The model's supported size whose shape is nearest the wanted one (the picture is then cropped to it exactly). */
export function nearestImageSize(model: string, width: number, height: number): TImageSize {
  const sizes = SIZES.find((s) => s.match.test(model))!.sizes;
  const wanted = Math.log(width / height);
  const distance = (size: TImageSize) => {
    const [w, h] = size.split('x').map(Number) as [number, number];
    return Math.abs(Math.log(w / h) - wanted);
  };
  return sizes.reduce((best, size) => (distance(size) < distance(best) ? size : best));
}
