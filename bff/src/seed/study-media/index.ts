/** Media the demo seed generates for the party school's lessons (no downloads). */
export { demoVideoMp4, DEMO_VIDEO_SECONDS } from './demo-video';
export { demoPdf } from './demo-pdf';
