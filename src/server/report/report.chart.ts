import { deflateSync } from 'node:zlib';

/**
 * The attendance chart of the closing report: planned vs arrived per group, as bars. Drawn twice: an SVG with the
 * group numbers and figures (Word 2016+ and LibreOffice show it) and a PNG of the same bars for older readers, which
 * docx embeds as the SVG's fallback. No canvas or image library is installed: the PNG is a small raster written
 * here (RGB, zlib from Node), its labels the group numbers in a 3×5 pixel digit font.
 */

export interface ChartBar {
  label: string;
  planned: number;
  arrived: number;
}

const W = 640;
const H = 300;
const PAD = { left: 40, right: 10, top: 20, bottom: 40 };
const PLANNED = [0xb0, 0xb8, 0xc4] as const;
const ARRIVED = [0x1c, 0x6d, 0xd0] as const;

function layout(bars: ChartBar[]) {
  const max = Math.max(1, ...bars.flatMap((b) => [b.planned, b.arrived]));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / Math.max(1, bars.length);
  const barW = Math.max(2, Math.min(40, slot * 0.35));
  return bars.map((b, i) => {
    const x0 = PAD.left + slot * i + slot / 2 - barW;
    const hp = Math.round((b.planned / max) * plotH);
    const ha = Math.round((b.arrived / max) * plotH);
    return {
      bar: b,
      number: i + 1,
      center: PAD.left + slot * i + slot / 2,
      planned: { x: Math.round(x0), y: PAD.top + plotH - hp, w: Math.round(barW), h: hp },
      arrived: { x: Math.round(x0 + barW), y: PAD.top + plotH - ha, w: Math.round(barW), h: ha },
    };
  });
}

const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function attendanceChartSvg(bars: ChartBar[]): Buffer {
  const parts = layout(bars);
  const baseY = H - PAD.bottom;
  const rgb = (c: readonly number[]) => `rgb(${c.join(',')})`;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="Times New Roman" font-size="12">`,
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    `<line x1="${PAD.left}" y1="${baseY}" x2="${W - PAD.right}" y2="${baseY}" stroke="#000"/>`,
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${baseY}" stroke="#000"/>`,
    ...parts.flatMap((p) => [
      `<rect x="${p.planned.x}" y="${p.planned.y}" width="${p.planned.w}" height="${p.planned.h}" fill="${rgb(PLANNED)}"><title>${escapeXml(p.bar.label)}: kế hoạch ${p.bar.planned}</title></rect>`,
      `<rect x="${p.arrived.x}" y="${p.arrived.y}" width="${p.arrived.w}" height="${p.arrived.h}" fill="${rgb(ARRIVED)}"><title>${escapeXml(p.bar.label)}: có mặt ${p.bar.arrived}</title></rect>`,
      `<text x="${p.center}" y="${baseY + 16}" text-anchor="middle">${p.number}</text>`,
      `<text x="${p.planned.x + p.planned.w / 2}" y="${p.planned.y - 3}" text-anchor="middle" font-size="10">${p.bar.planned}</text>`,
      `<text x="${p.arrived.x + p.arrived.w / 2}" y="${p.arrived.y - 3}" text-anchor="middle" font-size="10">${p.bar.arrived}</text>`,
    ]),
    `<rect x="${PAD.left}" y="${H - 16}" width="12" height="10" fill="${rgb(PLANNED)}"/>`,
    `<text x="${PAD.left + 16}" y="${H - 7}">Kế hoạch</text>`,
    `<rect x="${PAD.left + 100}" y="${H - 16}" width="12" height="10" fill="${rgb(ARRIVED)}"/>`,
    `<text x="${PAD.left + 116}" y="${H - 7}">Có mặt (điểm danh)</text>`,
    '</svg>',
  ].join('');
  return Buffer.from(svg, 'utf8');
}

// 3×5 digits, rows top to bottom, 3 bits each (left bit first).
const DIGITS: Record<string, number[]> = {
  '0': [7, 5, 5, 5, 7],
  '1': [2, 6, 2, 2, 7],
  '2': [7, 1, 7, 4, 7],
  '3': [7, 1, 7, 1, 7],
  '4': [5, 5, 7, 1, 1],
  '5': [7, 4, 7, 1, 7],
  '6': [7, 4, 7, 5, 7],
  '7': [7, 1, 1, 1, 1],
  '8': [7, 5, 7, 5, 7],
  '9': [7, 5, 7, 1, 7],
};

export function attendanceChartPng(bars: ChartBar[]): Buffer {
  const pixels = Buffer.alloc(W * H * 3, 0xff);
  const fill = (x: number, y: number, w: number, h: number, c: readonly number[]) => {
    for (let yy = Math.max(0, y); yy < Math.min(H, y + h); yy++)
      for (let xx = Math.max(0, x); xx < Math.min(W, x + w); xx++) {
        const o = (yy * W + xx) * 3;
        pixels[o] = c[0]!;
        pixels[o + 1] = c[1]!;
        pixels[o + 2] = c[2]!;
      }
  };
  const text = (s: string, cx: number, y: number, scale: number) => {
    const width = s.length * 4 * scale - scale;
    let x = Math.round(cx - width / 2);
    for (const ch of s) {
      (DIGITS[ch] ?? []).forEach((bits, row) => {
        for (let col = 0; col < 3; col++)
          if (bits & (4 >> col)) fill(x + col * scale, y + row * scale, scale, scale, [0, 0, 0]);
      });
      x += 4 * scale;
    }
  };
  const baseY = H - PAD.bottom;
  fill(PAD.left, baseY, W - PAD.left - PAD.right, 1, [0, 0, 0]);
  fill(PAD.left, PAD.top, 1, baseY - PAD.top, [0, 0, 0]);
  for (const p of layout(bars)) {
    fill(p.planned.x, p.planned.y, p.planned.w, p.planned.h, PLANNED);
    fill(p.arrived.x, p.arrived.y, p.arrived.w, p.arrived.h, ARRIVED);
    text(String(p.number), p.center, baseY + 6, 2);
    text(String(p.bar.planned), p.planned.x + p.planned.w / 2, p.planned.y - 8, 1);
    text(String(p.bar.arrived), p.arrived.x + p.arrived.w / 2, p.arrived.y - 8, 1);
  }
  fill(PAD.left, H - 16, 12, 10, PLANNED);
  fill(PAD.left + 100, H - 16, 12, 10, ARRIVED);
  return encodePng(pixels, W, H);
}

let crcTable: Uint32Array | undefined;
function crc32(bytes: Buffer): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** RGB pixels → PNG (8-bit truecolour, no filtering). */
export function encodePng(rgb: Buffer, width: number, height: number): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 3 + 1)] = 0;
    rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const CHART_SIZE = { width: W, height: H };
