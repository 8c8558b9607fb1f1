// Builds dist/ from src/: copies the static app and stamps the build id into index.html so
// browsers never mix a new page with cached scripts. No dependencies: node's standard library only.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const src = new URL('./src/', import.meta.url).pathname;
const dist = new URL('./dist/', import.meta.url).pathname;
rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
cpSync(src, dist, { recursive: true });

const hash = createHash('sha256');
(function walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p); else hash.update(name).update(readFileSync(p));
  }
})(src);
const buildId = hash.digest('hex').slice(0, 12);
const indexPath = join(dist, 'index.html');
writeFileSync(indexPath, readFileSync(indexPath, 'utf8').replaceAll('__BUILD_ID__', buildId));
console.log(`web: built dist/ (build ${buildId})`);
