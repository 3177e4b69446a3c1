// The baseline: the smallest Koa app answering JSON. Runs as its own process (see koa-hello.ts) so
// it, like the BFF, does not share an event loop with the load generator.
import Koa from 'koa';

const port = Number(process.env.PORT);
const host = process.env.HOST ?? '127.0.0.1';
const app = new Koa();
app.use((ctx) => {
  ctx.body = { data: 'ok' };
});
const server = app.listen(port, host, () => console.log(`listening on http://${host}:${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
