import { randomInt } from 'crypto';
import { PassThrough } from 'stream';
import * as PImage from 'pureimage';

/**
 * Renders captcha text as a distorted, noisy PNG (pureimage: a pure-JS canvas, no native code).
 *
 * Why a raster with per-render randomness: svg-captcha wrote each glyph as a fixed outline, so a
 * lookup table of the 31 outlines read every challenge. Here every character gets its own random
 * size, rotation, offset and colour, the whole image is then warped by a random sine field
 * (so even one glyph's pixels never repeat between renders), and crossing curves and speckles are
 * drawn over the text. Randomness comes from the CSPRNG, so renders cannot be predicted.
 */

export const CAPTCHA_WIDTH = 150;
export const CAPTCHA_HEIGHT = 50;

const FONT_FAMILY = 'CaptchaSans';
// DejaVu Sans Bold from the `dejavu-fonts-ttf` package: a free font that ships with the BFF, so the
// image does not depend on fonts installed on the host.
const FONT_FILE = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

let fontLoaded = false;
function ensureFont(): void {
  if (fontLoaded) return;
  PImage.registerFont(FONT_FILE, FONT_FAMILY).loadSync();
  fontLoaded = true;
}

/** A uniform random number in [min, max) from the CSPRNG (1/10000 resolution is plenty here). */
const rand = (min: number, max: number) => min + (randomInt(10_000) / 10_000) * (max - min);

/** A dark, saturated colour that stays readable on the light background. */
function inkColour(): string {
  const channel = () => randomInt(20, 140).toString(16).padStart(2, '0');
  return `#${channel()}${channel()}${channel()}`;
}

function drawBackground(ctx: PImage.Context): void {
  ctx.fillStyle = `#${randomInt(235, 256).toString(16)}${randomInt(235, 256).toString(16)}${randomInt(230, 250).toString(16)}`;
  ctx.fillRect(0, 0, CAPTCHA_WIDTH, CAPTCHA_HEIGHT);
}

function drawText(ctx: PImage.Context, text: string): void {
  const slot = (CAPTCHA_WIDTH - 20) / text.length;
  [...text].forEach((char, i) => {
    const size = randomInt(28, 38);
    ctx.save();
    ctx.translate(12 + slot * i + rand(0, slot - size * 0.6), CAPTCHA_HEIGHT * 0.62 + rand(-4, 4));
    ctx.rotate(rand(-0.45, 0.45));
    ctx.font = `${size}pt ${FONT_FAMILY}`;
    ctx.fillStyle = inkColour();
    ctx.fillText(char, 0, 0);
    ctx.restore();
  });
}

/** Curves across the text in ink colours: they touch the glyphs, so they cannot be filtered by colour or position alone. */
function drawNoise(ctx: PImage.Context): void {
  for (let i = 0; i < 3; i += 1) {
    ctx.strokeStyle = inkColour();
    ctx.lineWidth = rand(1, 2.5);
    ctx.beginPath();
    ctx.moveTo(rand(0, 20), rand(5, CAPTCHA_HEIGHT - 5));
    ctx.bezierCurveTo(
      rand(30, 70),
      rand(0, CAPTCHA_HEIGHT),
      rand(80, 120),
      rand(0, CAPTCHA_HEIGHT),
      rand(CAPTCHA_WIDTH - 20, CAPTCHA_WIDTH),
      rand(5, CAPTCHA_HEIGHT - 5),
    );
    ctx.stroke();
  }
}

/** Moves every pixel along a random two-axis sine field (bilinear-free nearest sampling keeps it cheap). */
function warp(source: PImage.Bitmap): PImage.Bitmap {
  const out = PImage.make(CAPTCHA_WIDTH, CAPTCHA_HEIGHT);
  const [ax, ay] = [rand(1.5, 3.5), rand(2, 4)];
  const [fx, fy] = [rand(0.04, 0.09), rand(0.03, 0.07)];
  const [px, py] = [rand(0, Math.PI * 2), rand(0, Math.PI * 2)];
  for (let y = 0; y < CAPTCHA_HEIGHT; y += 1) {
    for (let x = 0; x < CAPTCHA_WIDTH; x += 1) {
      const sx = Math.round(x + ax * Math.sin(y * fy * 2 + px));
      const sy = Math.round(y + ay * Math.sin(x * fx + py));
      const cx = Math.min(CAPTCHA_WIDTH - 1, Math.max(0, sx));
      const cy = Math.min(CAPTCHA_HEIGHT - 1, Math.max(0, sy));
      out.setPixelRGBA(x, y, source.getPixelRGBA(cx, cy));
    }
  }
  return out;
}

/** Speckles: single dark and light pixels over the whole image, so no two renders share bytes. */
function speckle(image: PImage.Bitmap): void {
  const count = Math.round(CAPTCHA_WIDTH * CAPTCHA_HEIGHT * 0.04);
  for (let i = 0; i < count; i += 1) {
    const shade = randomInt(2) === 0 ? randomInt(40, 120) : randomInt(190, 250);
    image.setPixelRGBA_i(randomInt(CAPTCHA_WIDTH), randomInt(CAPTCHA_HEIGHT), shade, shade, shade, 255);
  }
}

async function encodePng(image: PImage.Bitmap): Promise<Buffer> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  await PImage.encodePNGToStream(image, sink);
  return Buffer.concat(chunks);
}

/** The PNG bytes of `text` drawn as a captcha. */
export async function renderCaptchaPng(text: string): Promise<Buffer> {
  ensureFont();
  const canvas = PImage.make(CAPTCHA_WIDTH, CAPTCHA_HEIGHT);
  const ctx = canvas.getContext('2d');
  drawBackground(ctx);
  drawNoise(ctx);
  drawText(ctx, text);
  drawNoise(ctx);
  const image = warp(canvas);
  speckle(image);
  return encodePng(image);
}
