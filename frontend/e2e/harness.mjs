// A tiny sequential test runner for the browser flows: each step shares the two users' pages.
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createInterface } from 'node:readline';

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
// Each its own /64: the server rate-limits an IPv6 client per /64, not per address.
export const uniqueIp = () => `2001:db8:e2e:${(ipSeq++ % 0xffff).toString(16)}::1`;

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

/**
 * Runs in every page before the app (an init script, so the CSP does not apply): counts socket
 * opens and the sockets that got their `ready` frame, keeps close codes, and can refuse new sockets
 * while the test keeps the client offline. Only the test reads or sets `window.__socketProbe`.
 */
export function socketProbe() {
  const Native = window.WebSocket;
  const probe = { opens: 0, readies: 0, live: 0, closeCodes: [], blocked: false };
  window.__socketProbe = probe;
  window.WebSocket = class ProbedWebSocket extends Native {
    constructor(url, protocols) {
      // Blocked: refuse the way a browser refuses a URL (the client must wait and retry). Dialling a
      // dead local port instead left Chromium's socket hanging in CONNECTING.
      if (probe.blocked) throw new DOMException('blocked by the test', 'SecurityError');
      super(url, protocols);
      let opened = false;
      let firstFrame = true;
      this.addEventListener('open', () => {
        opened = true;
        probe.opens++;
        probe.live++;
      });
      this.addEventListener('message', (event) => {
        if (!firstFrame) return;
        firstFrame = false;
        try {
          if (JSON.parse(event.data).event === 'ready') probe.readies++;
        } catch {
          // not JSON: not a ready frame
        }
      });
      this.addEventListener('close', (event) => {
        if (opened) probe.live--;
        probe.closeCodes.push(event.code);
      });
    }
  };
}

const framesByPage = new WeakMap();

/** Starts keeping the text of every frame the page's sockets receive: call it before the page loads. */
export function trackFrames(page) {
  const frames = [];
  framesByPage.set(page, frames);
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => frames.push(String(payload))));
  return page;
}

/** The frames received so far, in order (the array keeps growing). */
export function receivedFrames(page) {
  const frames = framesByPage.get(page);
  if (!frames) throw new Error('trackFrames(page) was not called before the page loaded');
  return frames;
}

/**
 * Waits until the page holds one open socket that is its `opens`-th and has had its `ready` frame:
 * from then on (and not from the open event) what is posted comes live over it.
 */
export const socketOpen = (page, opens = 1, timeout = 15_000) =>
  page.waitForFunction(
    (n) => {
      const probe = window.__socketProbe;
      return probe.live === 1 && probe.opens >= n && probe.readies >= n;
    },
    opens,
    { timeout },
  );

/**
 * Asks the process that runs this script (WebClientE2EIT) to stop or start the server, and waits
 * for its answer on standard input. Null when no one controls the server (a run by hand).
 */
const control = process.env.E2E_SERVER_CONTROL === 'stdio' ? createInterface({ input: process.stdin }) : null;
const answers = control ? control[Symbol.asyncIterator]() : null;
export const canControlServer = control !== null;

export async function serverControl(action) {
  if (!answers) throw new Error('no server control: run through WebClientE2EIT');
  console.log(`@@e2e ${action}`);
  const { value } = await answers.next();
  if (!value?.startsWith(action === 'stop-server' ? 'stopped' : 'started'))
    throw new Error(`${action}: ${value}`);
}

export function closeServerControl() {
  control?.close();
}

/**
 * The same access token with a new expiry, signed with the node's secret (the IT passes it in):
 * lets a test watch the server close a socket with 4001 without a 30-minute wait.
 */
export function withExpiry(token, secondsFromNow) {
  const secret = process.env.E2E_JWT_SECRET;
  if (!secret) throw new Error('E2E_JWT_SECRET is not set: run through WebClientE2EIT');
  const [header, payload] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  claims.exp = Math.floor(Date.now() / 1000) + secondsFromNow;
  claims.jti = randomUUID();
  const body = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

/** Scrolls the open room up until every page is loaded ("Beginning of conversation"). */
export async function scrollToBeginning(page) {
  const scroller = page.getByTestId('message-scroller');
  for (let i = 0; i < 60 && !(await page.getByTestId('conversation-start').isVisible()); i++) {
    await scroller.evaluate((el) => (el.scrollTop = 0));
    await page.waitForTimeout(250);
  }
  await page.getByTestId('conversation-start').waitFor();
}

/** A message by its own text (a reply also shows its parent's text in the preview). */
export const messageIn = (page, text) =>
  page.getByTestId('message').filter({ has: page.getByTestId('message-content').filter({ hasText: text }) });
