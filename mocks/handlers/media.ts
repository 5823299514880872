// Generated stand-ins for attachment files and avatars: SVG placeholders of the
// declared size (so layout, aspect ratio and lazy loading can be checked) and
// tiny but well-formed download bodies.
import { hashSeed } from '../db/prng';

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${String(c.charCodeAt(0))};`);
}

export function hues(seed: number): [number, number] {
  const h = hashSeed('hue', seed) % 360;
  return [h, (h + 40) % 360];
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A soft gradient with the file name and its size written in the middle. */
export function placeholderSvg(options: { seed: number; width: number; height: number; label: string }): string {
  const { seed, label } = options;
  const width = Math.max(1, Math.round(options.width));
  const height = Math.max(1, Math.round(options.height));
  const [a, b] = hues(seed);
  const small = Math.min(width, height);
  const fontSize = Math.max(10, Math.min(48, Math.round(small / 9)));
  // Text only where it fits; a 16×16 icon is just colour.
  const text =
    width >= 120 && height >= 60
      ? `<text x="50%" y="50%" text-anchor="middle" dominant-baseline="middle" font-family="system-ui, sans-serif" font-size="${String(fontSize)}" fill="#fff" fill-opacity="0.92">${escapeXml(truncate(label, Math.max(8, Math.floor(width / (fontSize * 0.6)))))}</text>` +
        `<text x="50%" y="50%" dy="${String(Math.round(fontSize * 1.4))}" text-anchor="middle" dominant-baseline="middle" font-family="system-ui, sans-serif" font-size="${String(Math.round(fontSize * 0.6))}" fill="#fff" fill-opacity="0.75">${String(width)} × ${String(height)}</text>`
      : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(width)}" height="${String(height)}" viewBox="0 0 ${String(width)} ${String(height)}" role="img" aria-label="${escapeXml(label)}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${String(a)} 55% 55%)"/><stop offset="1" stop-color="hsl(${String(b)} 60% 38%)"/></linearGradient></defs>` +
    `<rect width="100%" height="100%" fill="url(#g)"/>${text}</svg>`
  );
}

/** SMF-style thumbnail size: fit within the box, never enlarge. */
export function thumbnailSize(width: number, height: number, box = 320): { width: number; height: number } {
  const scale = Math.min(1, box / width, box / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export function avatarSvg(memberId: number, name: string): string {
  const [a, b] = hues(memberId * 7919);
  const initials = name
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]?.toUpperCase() ?? '')
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96" viewBox="0 0 96 96" role="img" aria-label="${escapeXml(name)}">` +
    `<rect width="96" height="96" rx="12" fill="hsl(${String(a)} 50% 45%)"/>` +
    `<circle cx="78" cy="18" r="30" fill="hsl(${String(b)} 60% 60%)" fill-opacity="0.35"/>` +
    `<text x="48" y="50" text-anchor="middle" dominant-baseline="middle" font-family="system-ui, sans-serif" font-size="38" font-weight="600" fill="#fff">${escapeXml(initials)}</text></svg>`
  );
}

const encoder = new TextEncoder();

/** A one-page PDF that says what it stands for; offsets computed so viewers need no repair. */
function tinyPdf(name: string): Uint8Array {
  const label = `Mock attachment: ${name}`.replace(/[^\x20-\x7e]/g, '?').replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = `BT /F1 18 Tf 72 720 Td (${label}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${String(stream.length)} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${String(i + 1)} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${String(objects.length + 1)}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${String(objects.length + 1)} /Root 1 0 R >>\nstartxref\n${String(xref)}\n%%EOF\n`;
  return encoder.encode(pdf);
}

/** The smallest valid ZIP: an empty archive (end-of-central-directory record only). */
function emptyZip(): Uint8Array {
  const bytes = new Uint8Array(22);
  bytes.set([0x50, 0x4b, 0x05, 0x06]);
  return bytes;
}

export function fileBody(name: string, mimeType: string): Uint8Array {
  if (mimeType === 'application/pdf') return tinyPdf(name);
  if (mimeType === 'application/zip') return emptyZip();
  return encoder.encode(`This is a stand-in for "${name}", served by the Lectern mock forum.\n`);
}

/** `attachment; filename="…"; filename*=UTF-8''…` with nothing that could split the header. */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  // RFC 5987 leaves ' ( ) * out of attr-char, while encodeURIComponent keeps them.
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
