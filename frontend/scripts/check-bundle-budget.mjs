// Fails the build when what index.html loads before the app can run (its entry scripts, every
// chunk they import statically, and its stylesheets) is over the budget, gzipped. Chunks loaded
// with import() (routes, the emoji picker) are not counted: they are fetched when used.
// Usage: node scripts/check-bundle-budget.mjs [dist-dir] [--budget-kb=250]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const dist = args.find((a) => !a.startsWith('--')) ?? 'dist';
const budgetKb = Number(args.find((a) => a.startsWith('--budget-kb='))?.split('=')[1] ?? 250);

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
const local = (url) => url && !/^[a-z]+:|^\/\//i.test(url);
const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => attr(m[0], 'src')).filter(local);
const links = [...html.matchAll(/<link\b[^>]*>/gi)].map((m) => m[0]);
const preloads = links.filter((l) => /rel=["']modulepreload["']/i.test(l)).map((l) => attr(l, 'href'));
const styles = links.filter((l) => /rel=["']stylesheet["']/i.test(l)).map((l) => attr(l, 'href'));
if (!scripts.length) throw new Error(`no entry script in ${join(dist, 'index.html')}`);

// Static imports in minified ES modules: `import{a}from"./x.js"`, `import"./x.js"`,
// `export{a}from"./x.js"`. A dynamic `import("./x.js")` has a parenthesis and does not match.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;

const toFile = (url) => join(dist, url.replace(/^\//, ''));
const seen = new Map();
const visit = (file) => {
  if (seen.has(file)) return;
  if (!existsSync(file)) throw new Error(`${file}, loaded by index.html, is not in ${dist}`);
  const code = readFileSync(file);
  seen.set(file, code);
  for (const [, spec] of code.toString('utf8').matchAll(STATIC_IMPORT))
    visit(join(dirname(file), posix.normalize(spec)));
};
for (const url of [...scripts, ...preloads.filter(local)]) visit(toFile(url));

// zlib's default level and kB of 1000 bytes, as Vite reports them.
const gz = (buffer) => gzipSync(buffer).length;
const kb = (bytes) => (bytes / 1000).toFixed(1);
const rows = [...seen].map(([file, code]) => ({ file, raw: code.length, gz: gz(code) }));
for (const url of styles.filter(local)) {
  const code = readFileSync(toFile(url));
  rows.push({ file: toFile(url), raw: code.length, gz: gz(code) });
}
const total = rows.reduce((sum, r) => sum + r.gz, 0);
for (const r of rows)
  console.log(`  ${r.file.padEnd(48)} ${kb(r.raw).padStart(8)} kB  ${kb(r.gz).padStart(7)} kB gz`);
console.log(`initial bundle (JS + CSS loaded by index.html): ${kb(total)} kB gz, budget ${budgetKb} kB gz`);
if (total > budgetKb * 1000) {
  console.error(`over budget by ${kb(total - budgetKb * 1000)} kB gz: load the new code lazily (import())`);
  process.exit(1);
}
