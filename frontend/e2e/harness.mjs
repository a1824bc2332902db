// A tiny sequential test runner for the browser flows: each step shares the two users' pages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:9080').replace(/\/$/, '');
const results = [];

export async function step(name, fn) {
  const started = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✓ ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    results.push({ name, ok: false });
    console.log(
      `  ✗ ${name}\n    ${String(error?.stack ?? error)
        .split('\n')
        .slice(0, 6)
        .join('\n    ')}`,
    );
    throw error;
  }
}

export function summary() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  return failed;
}

/** axe-core, injected into the page (the CSP allows no inline script, so it goes in via CDP). */
export async function expectNoAxeViolations(page, label) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')})`,
    );
  });
  if (violations.length) throw new Error(`axe on ${label}:\n${violations.join('\n')}`);
}

let ipSeq = Math.floor(Math.random() * 0xfff);
export const uniqueIp = () => `2001:db8:e2e::${(ipSeq++).toString(16)}`;

/** Direct API calls for seeding (each from its own forwarded address: the auth rate limit is per IP). */
export async function api(path, { method = 'GET', token, body } = {}) {
  const response = await fetch(`${BASE_URL}/api/v1${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      'X-Forwarded-For': uniqueIp(),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}
