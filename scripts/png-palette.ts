import { crc32, deflateSync, inflateSync } from "node:zlib";

/**
 * Shrinks a screenshot: an 8-bit RGB or RGBA PNG (Chromium's, non-interlaced, opaque) re-encoded with a
 * palette of at most 256 colours, the commonest in the picture, every other colour drawn as its nearest
 * one. A page of text on a few tints has few colours that matter (the ink, the tints, the anti-aliasing
 * between them), so this keeps it readable at about a third of the size. No image library needed.
 */
export function toPalettePng(png: Buffer, maxColours = 256): Buffer {
  const { width, height, pixels } = decode(png);
  const counts = new Map<number, number>();
  for (const rgb of pixels) counts.set(rgb, (counts.get(rgb) ?? 0) + 1);
  const palette = [...counts.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, maxColours)
    .map(([rgb]) => rgb);
  const index = new Map<number, number>(palette.map((rgb, i) => [rgb, i]));
  const nearest = (rgb: number): number => {
    let best = 0;
    let bestDistance = Number.POSITIVE_INFINITY;
    palette.forEach((p, i) => {
      const d =
        (channel(p, 16) - channel(rgb, 16)) ** 2 +
        (channel(p, 8) - channel(rgb, 8)) ** 2 +
        (channel(p, 0) - channel(rgb, 0)) ** 2;
      if (d < bestDistance) [best, bestDistance] = [i, d];
    });
    index.set(rgb, best);
    return best;
  };
  const rows = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    rows[y * (width + 1)] = 0; // filter: none (the usual best for palette images)
    for (let x = 0; x < width; x++) {
      const rgb = pixels[y * width + x] ?? 0;
      rows[y * (width + 1) + 1 + x] = index.get(rgb) ?? nearest(rgb);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits per index, colour type 3 (palette), no interlace
  const plte = Buffer.from(palette.flatMap((rgb) => [channel(rgb, 16), channel(rgb, 8), channel(rgb, 0)]));
  return Buffer.concat([
    SIGNATURE,
    chunk("IHDR", header),
    chunk("PLTE", plte),
    chunk("IDAT", deflateSync(rows, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
const channel = (rgb: number, shift: number) => (rgb >> shift) & 255;

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** The pixels of an 8-bit RGB or RGBA non-interlaced PNG, each as 0xRRGGBB (alpha ignored). */
function decode(png: Buffer): { width: number; height: number; pixels: Uint32Array } {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG");
  let at = 8;
  let width = 0;
  let height = 0;
  let bytesPerPixel = 0;
  const data: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, colourType, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || (colourType !== 2 && colourType !== 6) || interlace !== 0)
        throw new Error("only 8-bit RGB or RGBA PNGs without interlacing are read");
      bytesPerPixel = colourType === 2 ? 3 : 4;
    } else if (type === "IDAT") data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * bytesPerPixel;
  const previous = Buffer.alloc(stride);
  const current = Buffer.alloc(stride);
  const pixels = new Uint32Array(width * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    raw.copy(current, 0, y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bytesPerPixel ? (current[i - bytesPerPixel] ?? 0) : 0;
      const b = previous[i] ?? 0;
      const c = i >= bytesPerPixel ? (previous[i - bytesPerPixel] ?? 0) : 0;
      const x = current[i] ?? 0;
      if (filter === 1) current[i] = x + a;
      else if (filter === 2) current[i] = x + b;
      else if (filter === 3) current[i] = x + ((a + b) >> 1);
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        current[i] = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      } else if (filter !== 0) throw new Error(`unknown PNG filter ${filter}`);
    }
    for (let x = 0; x < width; x++) {
      const o = x * bytesPerPixel;
      pixels[y * width + x] =
        ((current[o] ?? 0) << 16) | ((current[o + 1] ?? 0) << 8) | (current[o + 2] ?? 0);
    }
    current.copy(previous);
  }
  return { width, height, pixels };
}
