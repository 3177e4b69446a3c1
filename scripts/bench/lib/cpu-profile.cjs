// Preload (`node --require`) that records a V8 CPU profile of the whole process and writes it to
// $CPU_PROFILE_DIR/<pid>.cpuprofile at exit (open it in Chrome DevTools → Performance). For processes
// started through NODE_OPTIONS, which refuses --cpu-prof itself, e.g.
//   BENCH_BFF_NODE_OPTIONS="--require $PWD/scripts/bench/lib/cpu-profile.cjs" CPU_PROFILE_DIR=var/bench/prof npm run bench -- cases
const { Session } = require('inspector');
const { mkdirSync, writeFileSync } = require('fs');
const { join } = require('path');

const dir = process.env.CPU_PROFILE_DIR || 'var/bench/prof';
const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
// Posts to an in-thread session complete synchronously, so the profile is written even at exit.
process.on('exit', () => {
  session.post('Profiler.stop', (err, result) => {
    if (err) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
