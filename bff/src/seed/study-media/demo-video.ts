import { idrSlice, pictureParameterSet, sequenceParameterSet, skipSlice, type H264Size, type YuvPicture } from './h264';
import { muxMp4 } from './mp4';

/**
 * The demo lesson video: 24 s of 160×96 at 5 fps. Each second is a new picture (red background, the
 * second counted in large digits, a gold bar that fills as the lesson goes on), repeated by skipped
 * P pictures for the rest of the second. About 0.6 MB, generated, nothing downloaded.
 */
export const DEMO_VIDEO_SECONDS = 24;
const SIZE: H264Size = { width: 160, height: 96 };
const FPS = 5;

type Rgb = [number, number, number];
const RED: Rgb = [190, 22, 34];
const GOLD: Rgb = [255, 205, 60];
const WHITE: Rgb = [255, 246, 230];
const DARK: Rgb = [120, 12, 20];

/** 3×5 digits, one row per string, '#' lit. */
const DIGITS: Record<string, string[]> = {
  '0': ['###', '#.#', '#.#', '#.#', '###'],
  '1': ['.#.', '##.', '.#.', '.#.', '###'],
  '2': ['###', '..#', '###', '#..', '###'],
  '3': ['###', '..#', '###', '..#', '###'],
  '4': ['#.#', '#.#', '###', '..#', '..#'],
  '5': ['###', '#..', '###', '..#', '###'],
  '6': ['###', '#..', '###', '#.#', '###'],
  '7': ['###', '..#', '..#', '..#', '..#'],
  '8': ['###', '#.#', '###', '#.#', '###'],
  '9': ['###', '#.#', '###', '..#', '###'],
};

/** BT.601 limited range, as decoders assume without VUI. */
function toYuv([r, g, b]: Rgb): Rgb {
  const [R, G, B] = [r / 255, g / 255, b / 255];
  return [
    16 + 65.481 * R + 128.553 * G + 24.966 * B,
    128 - 37.797 * R - 74.203 * G + 112 * B,
    128 + 112 * R - 93.786 * G - 18.214 * B,
  ];
}

/** The RGB colour of pixel (x, y) at second `second`. */
function pixel(x: number, y: number, second: number): Rgb {
  const { width, height } = SIZE;
  // The progress bar along the bottom: filled part gold, the rest dark.
  if (y >= height - 16 && y < height - 8 && x >= 8 && x < width - 8) {
    const filled = 8 + ((width - 16) * (second + 1)) / DEMO_VIDEO_SECONDS;
    return x < filled ? GOLD : DARK;
  }
  // The second counter, two digits scaled ×8, centred above the bar.
  const text = String(second + 1).padStart(2, '0');
  const scale = 8;
  const textWidth = (text.length * 4 - 1) * scale;
  const left = (width - textWidth) / 2;
  const top = 20;
  const gx = Math.floor((x - left) / scale);
  const gy = Math.floor((y - top) / scale);
  if (x >= left && gy >= 0 && gy < 5 && gx >= 0 && gx < text.length * 4 - 1 && gx % 4 !== 3) {
    const glyph = DIGITS[text[Math.floor(gx / 4)]];
    if (glyph[gy][gx % 4] === '#') return WHITE;
  }
  return RED;
}

function picture(second: number): YuvPicture {
  const { width, height } = SIZE;
  const y = new Uint8Array(width * height);
  const u = new Uint8Array((width / 2) * (height / 2));
  const v = new Uint8Array((width / 2) * (height / 2));
  for (let row = 0; row < height; row += 1)
    for (let col = 0; col < width; col += 1) {
      const [ly, cb, cr] = toYuv(pixel(col, row, second));
      y[row * width + col] = ly;
      // Chroma sampled at the top-left pixel of each 2×2 block: the picture has no fine colour detail.
      if (row % 2 === 0 && col % 2 === 0) {
        u[(row / 2) * (width / 2) + col / 2] = cb;
        v[(row / 2) * (width / 2) + col / 2] = cr;
      }
    }
  return { y, u, v };
}

/** The demo MP4 (H.264 Constrained Baseline), the same bytes on every call. */
export function demoVideoMp4(): Buffer {
  const samples: { nal: Buffer; sync: boolean }[] = [];
  for (let second = 0; second < DEMO_VIDEO_SECONDS; second += 1) {
    samples.push({ nal: idrSlice(SIZE, picture(second), second), sync: true });
    for (let frame = 1; frame < FPS; frame += 1) samples.push({ nal: skipSlice(SIZE, frame), sync: false });
  }
  return muxMp4({
    ...SIZE,
    timescale: 1000,
    sampleDuration: 1000 / FPS,
    sps: sequenceParameterSet(SIZE),
    pps: pictureParameterSet(),
    samples,
  });
}
