import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import type { Browser } from 'playwright-core';
import { DEMO_VIDEO_SECONDS, demoVideoMp4 } from '../../bff/src/seed/study-media';
import { browserAvailable, launchBrowser, screenshot } from './support/browser';

const describeBrowser = browserAvailable() ? describe : describe.skip;

/**
 * The demo seed's generated lesson video (hand-made H.264 in MP4) must play in Chromium: a codec or
 * container mistake shows here as a media error or a clock that never moves. No app needed.
 */
describeBrowser('the demo lesson video plays in Chromium', () => {
  let server: Server;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    const mp4 = demoVideoMp4();
    server = createServer((req, res) => {
      if (req.url === '/lesson.mp4') {
        res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': mp4.length });
        res.end(mp4);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><video id="v" src="/lesson.mp4" muted playsinline width="320"></video>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('has the full duration and its clock advances while playing', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    const meta = await page.evaluate(
      () =>
        new Promise<{ duration: number; width: number; error?: string }>((resolve) => {
          const video = document.getElementById('v') as HTMLVideoElement;
          const report = (): void =>
            resolve({ duration: video.duration, width: video.videoWidth, error: video.error?.message });
          if (video.readyState >= 1) report();
          video.addEventListener('loadedmetadata', report);
          video.addEventListener('error', report);
        }),
    );
    expect(meta.error).toBeUndefined();
    expect(meta.duration).toBeCloseTo(DEMO_VIDEO_SECONDS, 1);
    expect(meta.width).toBe(160);
    await page.evaluate(() => (document.getElementById('v') as HTMLVideoElement).play());
    // The clock must pass 1.5 s of media: decoding works beyond the first picture.
    await page.waitForFunction(() => (document.getElementById('v') as HTMLVideoElement).currentTime > 1.5, null, {
      timeout: 10_000,
    });
    // Decoded pictures, not a black frame: the red background is drawn.
    const red = await page.evaluate(() => {
      const video = document.getElementById('v') as HTMLVideoElement;
      const canvas = document.createElement('canvas');
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
      ctx.drawImage(video, 0, 0);
      const [r, g, b] = ctx.getImageData(4, 4, 1, 1).data;
      return r > 150 && g < 80 && b < 80;
    });
    expect(red).toBe(true);
    await screenshot(page, 'study-media-video');
    await page.close();
  });
});
