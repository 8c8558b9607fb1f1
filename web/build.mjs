// Builds dist/ with Vite. First makes sure node_modules matches package-lock.json: when it does not
// (fresh clone, changed lock), runs `npm ci --prefer-offline`, which needs no network once npm's
// cache holds the locked packages. Then `vite build` (React, hashed file names; the build id in the
// footer is a hash of src/ and the lock).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('./', import.meta.url).pathname;
const lock = readFileSync(join(here, 'package-lock.json'));
const lockHash = createHash('sha256').update(lock).digest('hex');
const stamp = join(here, 'node_modules', '.haulout-lock-sha256');
if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== lockHash) {
  console.log('web: node_modules does not match package-lock.json; npm ci --prefer-offline');
  execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
  writeFileSync(stamp, lockHash);
}

const hash = createHash('sha256').update(lock);
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p); else hash.update(name).update(readFileSync(p));
  }
})(join(here, 'src'));
const buildId = hash.digest('hex').slice(0, 12);

const { build } = await import('vite');
const t0 = Date.now();
await build({ configFile: join(here, 'vite.config.mjs'), logLevel: 'warn', define: { __BUILD_ID__: JSON.stringify(buildId) } });
console.log(`web: built dist/ (build ${buildId}) in ${Date.now() - t0} ms`);
