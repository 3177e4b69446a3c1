// Preloaded into the BFF by benchmarks (NODE_OPTIONS=--require …): every 250 ms one line with the
// main thread's event-loop delay (perf_hooks.monitorEventLoopDelay) and RSS of that window.
// Worker threads load preloads too; only the main thread's loop answers requests, so only it reports.
const { isMainThread } = require('worker_threads');

if (isMainThread) {
  const { monitorEventLoopDelay } = require('perf_hooks');
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const timer = setInterval(() => {
    const sample = {
      at: Date.now(),
      maxMs: Math.round(histogram.max / 1e5) / 10,
      p99Ms: Math.round(histogram.percentile(99) / 1e5) / 10,
      rssMb: Math.round(process.memoryUsage.rss() / 1048576),
    };
    histogram.reset();
    process.stdout.write(`[event-loop] ${JSON.stringify(sample)}\n`);
  }, 250);
  timer.unref();
}
