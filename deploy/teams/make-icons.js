#!/usr/bin/env node
'use strict';
/**
 * Draws the two Teams app icons (a shield with a check mark) and writes them as PNG files beside
 * this script, using only Node built-ins so no image tool has to be installed:
 *
 *   color.png    192x192, full colour: white shield on a blue tile, blue check mark inside.
 *   outline.png   32x32, white on transparent (what Teams requires for the outline icon).
 *
 * The PNGs are committed; run this again only to change the design: `node deploy/teams/make-icons.js`.
 * Shapes are computed per pixel with 4x4 supersampling, which gives smooth edges without a renderer.
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { deflateSync } = require('node:zlib');

const BLUE = [0x00, 0x5a, 0x9e]; // tile and check mark
const WHITE = [0xff, 0xff, 0xff];

/**
 * Half-width of the shield at height v (0 = top edge, 1 = bottom point), in units where the widest
 * part is 1. Straight sides for the upper half, then a curve that narrows to a point.
 */
function shieldHalfWidth(v) {
  if (v < 0 || v > 1) return -1;
  if (v <= 0.45) return 1;
  const t = (v - 0.45) / 0.55;
  return Math.pow(1 - Math.pow(t, 1.7), 0.85);
}

/**
 * True when (x, y) lies inside a shield whose box is [cx - hw, cx + hw] x [top, top + height].
 * The top edge dips slightly towards the middle, as a heraldic shield does.
 */
function inShield(x, y, cx, top, hw, height) {
  const u = (x - cx) / hw;
  if (u < -1 || u > 1) return false;
  const dip = 0.06 * height * (1 - u * u);
  const v = (y - top - dip) / (height - dip);
  const w = shieldHalfWidth(v);
  return w >= 0 && Math.abs(u) <= w;
}

/** Distance from point p to segment ab. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** True when (x, y) is on the check mark drawn through points a-b-c with the given stroke width. */
function onCheck(x, y, pts, width) {
  const [a, b, c] = pts;
  return (
    segmentDistance(x, y, a[0], a[1], b[0], b[1]) <= width / 2 ||
    segmentDistance(x, y, b[0], b[1], c[0], c[1]) <= width / 2
  );
}

/**
 * Renders an RGBA image: `shade(x, y)` returns [r, g, b, a] (0..255) for a sample point in pixel
 * units; each pixel averages 16 samples (colour weighted by alpha).
 */
function render(size, shade) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const [cr, cg, cb, ca] = shade(px + (sx + 0.5) / n, py + (sy + 0.5) / n);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const o = (py * size + px) * 4;
      rgba[o] = a ? Math.round(r / a) : 0;
      rgba[o + 1] = a ? Math.round(g / a) : 0;
      rgba[o + 2] = a ? Math.round(b / a) : 0;
      rgba[o + 3] = Math.round(a / (n * n));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG (colour type 6, no interlace, filter 0 on every row). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 192x192: blue tile, white shield (about 100 px tall, inside Teams' safe area), blue check. */
function colorIcon() {
  const size = 192;
  const cx = size / 2;
  const top = 44;
  const height = 108;
  const hw = 42;
  const check = [
    [cx - 19, top + 50],
    [cx - 5, top + 64],
    [cx + 21, top + 34],
  ];
  return encodePng(
    size,
    render(size, (x, y) => {
      if (!inShield(x, y, cx, top, hw, height)) return [...BLUE, 255];
      if (onCheck(x, y, check, 11)) return [...BLUE, 255];
      return [...WHITE, 255];
    }),
  );
}

/** 32x32: white shield outline and check mark on transparent. */
function outlineIcon() {
  const size = 32;
  const cx = size / 2;
  const top = 3;
  const height = 27;
  const hw = 11.5;
  const stroke = 2.2;
  const check = [
    [cx - 5, top + 12.5],
    [cx - 1.5, top + 16],
    [cx + 5, top + 8.5],
  ];
  return encodePng(
    size,
    render(size, (x, y) => {
      const outer = inShield(x, y, cx, top, hw, height);
      const inner = inShield(x, y, cx, top + stroke, hw - stroke, height - stroke * 2.2);
      if ((outer && !inner) || onCheck(x, y, check, 2.4)) return [...WHITE, 255];
      return [...WHITE, 0];
    }),
  );
}

writeFileSync(join(__dirname, 'color.png'), colorIcon());
writeFileSync(join(__dirname, 'outline.png'), outlineIcon());
process.stdout.write('wrote deploy/teams/color.png (192x192) and deploy/teams/outline.png (32x32)\n');
