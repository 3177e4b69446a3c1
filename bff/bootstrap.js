// Production entry of the BFF (`node bff/bootstrap.js`, after `npm run build:bff`).
// It lives outside src/ because Midway scans src/ (and dist/) for modules: an entry in there would
// start a second application whenever the scanner loads it.
const { join } = require('path');
const { ConfigError, loadEnv } = require('./dist/config/env');

// Validate the environment before Midway starts, so a bad value gets one clear message per problem
// instead of a framework stack trace.
try {
  loadEnv();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(1);
  }
  throw err;
}

const { Bootstrap } = require('@midwayjs/bootstrap');
Bootstrap.configure({ baseDir: join(__dirname, 'dist'), imports: [require('./dist/configuration')] }).run();
