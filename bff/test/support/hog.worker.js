// Test worker for runWorkerTask: misbehaves on request (plain JS, so it needs no TypeScript hook).
const { parentPort, workerData } = require('worker_threads');
if (workerData.mode === 'memory') {
  const hoard = [];
  for (;;) hoard.push(new Array(1e6).fill(Math.random()));
} else if (workerData.mode === 'spin') {
  for (;;);
} else if (workerData.mode === 'refuse') {
  parentPort.postMessage({ ok: false, code: 'IMPORT_FILE_INVALID', message: '拒绝：测试' });
} else {
  parentPort.postMessage({ ok: true, value: workerData.value * 2 });
}
