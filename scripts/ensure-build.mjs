// Before `npm start`: build the browser pages (vite build into dist/) when they are missing or older than the sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';

function newest(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const f of readdirSync(p)) m = Math.max(m, newest(join(p, f)));
  return m;
}

const outputs = ['dist/index.html', 'dist/class.html'];
const built = outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
const src = Math.max(...['src', 'engine', 'content', 'index.html', 'class.html', 'vite.config.ts'].filter((p) => existsSync(p)).map(newest));
if (built < src) {
  console.log(built ? 'The sources changed since the last build: building the pages (vite build)...' : 'Building the pages once (vite build)...');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
