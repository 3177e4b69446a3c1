import type { TestApp } from './test-app';

/** GETs `url` from the test app with the body collected as a Buffer (files, downloads). */
export function fetchBinary(t: TestApp, url: string) {
  return t
    .http()
    .get(url)
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
}
