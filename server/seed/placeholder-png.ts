// The demo's image attachments as real raster images. The mock answers an image with an
// SVG drawing, served as SVG; the server serves a file with the MIME type its row names
// (image/webp, image/png, …), and a browser never decodes SVG sent as another type, so
// the SVG bytes showed as broken images. Browsers recognise a raster format by its bytes
// whatever type it is sent as, so one PNG serves for every declared image type.
import { crc32, deflateSync } from 'node:zlib';
import { hues } from '../../mocks/handlers/media';

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** hsl(h s% l%) as 8-bit RGB. */
function rgb(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

/** A diagonal gradient in the same two hues as the mock's SVG for this attachment. */
export function placeholderPng(options: { seed: number; width: number; height: number }): Uint8Array {
  const width = Math.max(1, Math.round(options.width));
  const height = Math.max(1, Math.round(options.height));
  const [hueA, hueB] = hues(options.seed);
  const from = rgb(hueA, 0.55, 0.55);
  const to = rgb(hueB, 0.6, 0.38);
  const stride = width * 3 + 1;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type, 0 (none).
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      const at = y * stride + 1 + x * 3;
      for (let c = 0; c < 3; c++) pixels[at + c] = Math.round((from[c] ?? 0) + ((to[c] ?? 0) - (from[c] ?? 0)) * t);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', new Uint8Array()),
  ]);
}
