#!/usr/bin/env node
// Draws the two tab bar icons (首页 house, 我的 person) as small PNGs into src/assets/tab/, in the
// normal and selected colours. Run once after changing shapes or colours; the PNGs are committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const SIZE = 81; // WeChat recommends 81×81 px
const SAMPLES = 4; // supersampling per axis, for smooth edges
const outDir = resolve(dirname(fileURLToPath(import.meta.url)), '../src/assets/tab');
const colours = { normal: [0x8a, 0x8f, 0x99], active: [0xc8, 0x16, 0x1d] };

// Shapes in a 0..1 square; each returns true when the point is inked.
const within = (v, a, b) => v >= a && v <= b;
function house(x, y) {
  const roof =
    y >= 0.14 && y <= 0.5 && Math.abs(x - 0.5) <= (y - 0.14) * 1.15 && Math.abs(x - 0.5) >= (y - 0.14) * 1.15 - 0.11;
  const walls = within(y, 0.46, 0.86) && (within(x, 0.22, 0.3) || within(x, 0.7, 0.78));
  const floor = within(y, 0.8, 0.86) && within(x, 0.22, 0.78);
  const door = within(x, 0.43, 0.57) && within(y, 0.6, 0.86);
  return roof || walls || floor || door;
}
function person(x, y) {
  const head = Math.hypot(x - 0.5, y - 0.33) <= 0.17 && Math.hypot(x - 0.5, y - 0.33) >= 0.1;
  const r = Math.hypot((x - 0.5) / 1.0, (y - 0.92) / 1.0);
  const shoulders = y <= 0.86 && r <= 0.36 && r >= 0.28;
  const base = within(y, 0.8, 0.86) && within(x, 0.15, 0.85) && r <= 0.36;
  return head || shoulders || base;
}

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(shape, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    raw[py * (SIZE * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++)
        for (let sx = 0; sx < SAMPLES; sx++)
          if (shape((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) hits++;
      const o = py * (SIZE * 4 + 1) + 1 + px * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const [name, shape] of [
  ['home', house],
  ['mine', person],
]) {
  for (const [state, colour] of Object.entries(colours)) {
    const file = join(outDir, `${name}${state === 'active' ? '-active' : ''}.png`);
    const data = png(shape, colour);
    writeFileSync(file, data);
    console.log(`${file} ${data.length} B`);
  }
}
