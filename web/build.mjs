// Builds dist/ with Vite. First makes sure node_modules matches package-lock.json: when it does not
// (fresh clone, changed lock; npm's node_modules/.package-lock.json says what is installed), runs `npm ci --prefer-offline`, which needs no network once npm's
// cache holds the locked packages. Then `vite build` (React, hashed file names; the build id in the
// footer is a hash of src/ and the lock).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('./', import.meta.url).pathname;
const lock = readFileSync(join(here, 'package-lock.json'));

/** True when node_modules holds every locked package at its locked version (npm's own record of what it installed). */
function installedAsLocked() {
  const installed = join(here, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return false;
  const want = JSON.parse(lock).packages;
  const have = JSON.parse(readFileSync(installed, 'utf8')).packages;
  return Object.entries(want).every(([path, p]) => path === '' || (p.optional && !have[path])
    || (have[path]?.version === p.version && existsSync(join(here, path, 'package.json'))));
}
if (!installedAsLocked()) {
  console.log('web: node_modules does not match package-lock.json; npm ci --prefer-offline');
  execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: here, stdio: 'inherit' });
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
