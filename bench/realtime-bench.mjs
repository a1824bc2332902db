// Load generator for NexusChat's /ws transport. One command, against a running server:
//   node realtime-bench.mjs --base http://127.0.0.1:9180 --scenario S1 --jwt-secret "$NEXUS_JWT_SECRET"
// See README.md next to this file for the scenarios and how the numbers are measured.
import { fork } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import WebSocket from 'ws';

const SCENARIOS = {
  S1: { clients: 1000, roomSize: 10, rates: [500] },
  S2: { clients: 1000, roomSize: 10, rates: [1000, 2000, 3000, 4000] },
  S3: { clients: 500, roomSize: 500, rates: [20] },
  S4: { clients: 1000, roomSize: 1000, rates: [100] },
  S5: { clients: 1000, roomSize: 10, rates: [1000] },
  S6: { clients: 10000, roomSize: 10, rates: [0] },
};

const now = () => performance.timeOrigin + performance.now(); // ms, sub-ms resolution, comparable across processes

function args() {
  const a = { base: 'http://127.0.0.1:9080', scenario: 'S1', warmup: 5, duration: 30, drain: 5, procs: 2, bodyBytes: 100 };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) a[argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase())] = argv[i + 1];
  const preset = SCENARIOS[a.scenario] ?? {};
  return {
    ...a,
    clients: Number(a.clients ?? preset.clients),
    roomSize: Number(a.roomSize ?? preset.roomSize),
    rates: a.rates ? String(a.rates).split(',').map(Number) : preset.rates,
    warmup: Number(a.warmup), duration: Number(a.duration), drain: Number(a.drain),
    procs: Number(a.procs), bodyBytes: Number(a.bodyBytes),
  };
}

// ---------- setup over REST ----------
let ipCounter = 0;
async function rest(base, method, path, body, token) {
  const headers = { 'content-type': 'application/json', 'x-forwarded-for': `2001:db8:b::${(++ipCounter).toString(16)}` };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(base + path, { method, headers, body: body && JSON.stringify(body) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

function forge(secret, user) {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const t = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'HS256', typ: 'JWT' });
  const body = b64({ iss: 'nexuschat', aud: 'nexuschat', sub: user.id, upn: user.username, groups: ['user'], iat: t, exp: t + 3600, jti: randomUUID(), sid: randomUUID() });
  return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
}

async function pool(n, limit, fn) {
  const out = new Array(n);
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => { while (next < n) { const i = next++; out[i] = await fn(i); } }));
  return out;
}

// Registration hashes a password (bcrypt, ~0.3 s of CPU each): the slow part of setup, not of the
// measurement. Registered accounts are kept in a cache file per server and reused by later runs.
async function accounts(o, count) {
  const file = new URL(`.accounts-${new URL(o.base).port}.json`, import.meta.url);
  const cached = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : [];
  const run = randomUUID().slice(0, 8);
  const fresh = await pool(Math.max(0, count - cached.length), Number(o.registerConcurrency ?? 4), async (i) => {
    const username = `b${run}_${i}`;
    const email = `${username}@bench.test`;
    const user = await rest(o.base, 'POST', '/api/v1/auth/register', { email, username, display_name: username, password: 'Bench-Password-9' });
    return { id: user.id, username, email };
  });
  const all = cached.concat(fresh);
  writeFileSync(file, JSON.stringify(all));
  return all.slice(0, count);
}

async function setup(o) {
  const run = randomUUID().slice(0, 8);
  const t0 = Date.now();
  // --tabs N: each account holds N connections (S6's 10k idle sockets from 1k accounts).
  const tabs = Number(o.tabs ?? 1);
  const registered = await accounts(o, Math.ceil(o.clients / tabs));
  const tokens = await pool(registered.length, 4, async (i) => (o.jwtSecret ? forge(o.jwtSecret, registered[i])
    : (await rest(o.base, 'POST', '/api/v1/auth/login', { email: registered[i].email, password: 'Bench-Password-9' })).access_token));
  const rooms = [];
  for (let start = 0; start < registered.length; start += o.roomSize) {
    const members = registered.slice(start, start + o.roomSize);
    // A room takes at most 200 members at creation (S3, S4 need 500 and 1000): the rest are added.
    const initial = members.slice(1, 200);
    const room = await rest(o.base, 'POST', '/api/v1/rooms', { name: `bench ${run} ${start}`, member_ids: initial.map((u) => u.id) }, tokens[start]);
    for (const u of members.slice(200)) await rest(o.base, 'POST', `/api/v1/rooms/${room.id}/members`, { user_id: u.id }, tokens[start]);
    rooms.push({ id: room.id, size: 0 });
    members.forEach((u) => { u.room = rooms.length - 1; });
  }
  const users = Array.from({ length: o.clients }, (_, i) => {
    const account = registered[i % registered.length];
    rooms[account.room].size++; // every connection of every member receives the room's messages
    return { ...account, token: tokens[i % registered.length] };
  });
  console.error(`setup: ${users.length} connections of ${registered.length} users, ${rooms.length} rooms in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { users, rooms };
}

// ---------- coordinator ----------
function pct(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function runStep(o, world, rate) {
  const slices = Array.from({ length: o.procs }, () => []);
  world.users.forEach((u, i) => slices[i % o.procs].push({ index: i, token: u.token, roomId: world.rooms[u.room].id }));
  const workers = slices.map((clients) => fork(new URL(import.meta.url).pathname, ['--worker'], { serialization: 'advanced' }));
  // A worker that dies before reporting fails the run instead of leaving it waiting forever.
  const died = workers.map((w) => new Promise((_, reject) => w.once('exit', (code) => reject(new Error(`a generator worker exited (${code}) before reporting`)))));
  died.forEach((p) => p.catch(() => {}));
  const ready = workers.map((w, k) => new Promise((resolve, reject) => {
    died[k].catch(reject);
    w.once('message', (m) => (m.type === 'ready' ? resolve() : reject(new Error(m.error))));
    w.send({ type: 'init', base: o.base, clients: slices[k], ratePerClient: rate / o.clients, bodyBytes: o.bodyBytes });
  }));
  await Promise.all(ready);
  // A socket is open for the client before the server has registered it (onOpen: its rooms,
  // presence, channels): wait for the server's own count, so the warm-up and the measured window
  // start from a connected steady state, and report how long the server took.
  const registeredMs = await serverRegistered(o, world.users.length);
  const measureFrom = now() + 1000 + o.warmup * 1000;
  const measureTo = measureFrom + o.duration * 1000;
  const results = workers.map((w, k) => new Promise((resolve, reject) => {
    died[k].catch(reject);
    w.on('message', (m) => m.type === 'result' && resolve(m));
  }));
  // CPU used by the server and by PostgreSQL during the measured window: a cost per message that a
  // busy shared machine distorts far less than latency does.
  const cpuAt = [];
  const generatorPids = [process.pid, ...workers.map((w) => w.pid)];
  setTimeout(() => cpuAt.push(cpuSeconds(o.serverPid, generatorPids)), measureFrom - now());
  setTimeout(() => cpuAt.push(cpuSeconds(o.serverPid, generatorPids)), measureTo - now());
  workers.forEach((w) => w.send({ type: 'start', startAt: now() + 1000, measureFrom, measureTo, stopAt: measureTo, drainUntil: measureTo + o.drain * 1000 }));
  const all = await Promise.all(results);
  workers.forEach((w) => { w.removeAllListeners('exit'); w.kill(); });

  const roomSizeOf = new Map(world.rooms.map((r) => [r.id, r.size]));
  let expected = 0, received = 0, duplicates = 0, sent = 0;
  const latency = [], ack = [];
  const loopP99 = [], loopMax = [], sendLagMax = [];
  const closedByCode = {};
  for (const r of all) {
    for (const [roomId, n] of Object.entries(r.sentPerRoom)) expected += n * roomSizeOf.get(roomId);
    sent += Object.values(r.sentPerRoom).reduce((a, b) => a + b, 0);
    received += r.received; duplicates += r.duplicates;
    for (const x of r.latency) latency.push(x);
    for (const x of r.ack) ack.push(x);
    loopP99.push(r.loopP99); loopMax.push(r.loopMax); sendLagMax.push(r.sendLagMax);
    for (const [code, n] of Object.entries(r.closes)) closedByCode[code] = (closedByCode[code] ?? 0) + n;
  }
  latency.sort((a, b) => a - b); ack.sort((a, b) => a - b);
  const ms = (x) => (Number.isNaN(x) ? '-' : x.toFixed(3));
  const summary = {
    scenario: o.scenario, clients: o.clients, roomSize: o.roomSize, rate, procs: o.procs,
    sentPerSec: sent / o.duration, deliveriesPerSec: received / o.duration,
    loss: expected - received, duplicates,
    deliveryMs: { p50: ms(pct(latency, 50)), p99: ms(pct(latency, 99)), p999: ms(pct(latency, 99.9)), max: ms(latency[latency.length - 1] ?? NaN) },
    ackMs: { p50: ms(pct(ack, 50)), p99: ms(pct(ack, 99)), p999: ms(pct(ack, 99.9)), max: ms(ack[ack.length - 1] ?? NaN) },
    generator: { eventLoopDelayP99Ms: Math.max(...loopP99).toFixed(1), eventLoopDelayMaxMs: Math.max(...loopMax).toFixed(1), sendLagMaxMs: Math.max(...sendLagMax).toFixed(1) },
  };
  summary.serverRegisteredMs = registeredMs; // from all clients open to the server counting them all
  summary.connectionsClosed = closedByCode; // by close code, e.g. 1008 = the server found the reader too slow
  summary.generatorSaturated = Math.max(...loopP99) > 20 || Math.max(...sendLagMax) > 50;
  if (cpuAt.length === 2 && sent > 0) {
    summary.cpuMsPerMessage = {
      server: o.serverPid ? Number(((cpuAt[1].server - cpuAt[0].server) * 1000 / sent).toFixed(3)) : null,
      postgres: Number(((cpuAt[1].postgres - cpuAt[0].postgres) * 1000 / sent).toFixed(3)),
      redis: Number(((cpuAt[1].redis - cpuAt[0].redis) * 1000 / sent).toFixed(3)),
      generator: Number(((cpuAt[1].generator - cpuAt[0].generator) * 1000 / sent).toFixed(3)),
    };
  }
  if (o.serverPid) summary.serverRssMb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${o.serverPid}/status`, 'utf8'))[1]) / 1024;
  return summary;
}

// Polls the server's nexus_connected_sockets gauge (a bench server serves only this run) until it
// counts `expected` sockets; returns the milliseconds that took, or null if /metrics is unreadable.
async function serverRegistered(o, expected) {
  const t0 = Date.now();
  while (Date.now() - t0 < 120_000) {
    let count = NaN;
    try {
      const text = await (await fetch(`${o.base}/metrics`)).text();
      count = Number(/^nexus_connected_sockets(?:\{[^}]*\})? ([0-9.e+]+)$/m.exec(text)?.[1]);
    } catch { /* not answering yet */ }
    if (Number.isNaN(count)) return null;
    if (count >= expected) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server did not register ${expected} sockets within 120 s`);
}

// utime + stime of a process, in seconds (/proc/<pid>/stat fields 14 and 15, 100 ticks/s).
function processCpu(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // gone meanwhile
  }
}

function cpuSeconds(serverPid, generatorPids) {
  let postgres = 0, redis = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      if (comm === 'postgres') postgres += processCpu(pid);
      else if (comm === 'redis-server') redis += processCpu(pid);
    } catch { /* gone meanwhile */ }
  }
  const generator = generatorPids.reduce((sum, pid) => sum + processCpu(pid), 0);
  return { server: serverPid ? processCpu(serverPid) : 0, postgres, redis, generator };
}

async function coordinator() {
  const o = args();
  if (o.registerOnly) {
    // Pre-registers accounts into the cache (bcrypt makes this the slow part); no load is run.
    await accounts(o, Number(o.registerOnly));
    return;
  }
  const world = await setup(o);
  for (const rate of o.rates) {
    const summary = await runStep(o, world, rate);
    console.log(JSON.stringify(summary));
  }
}

// ---------- worker: a slice of the clients ----------
function worker() {
  let clients = [];
  let cfg;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const latency = [], ack = [];
  const sentPerRoom = {};
  let received = 0, duplicates = 0, sendLagMax = 0;
  const closes = {}; // close code -> connections the server closed during the run
  let window;
  // Every send carries a client_id, as the web client's do, so the server's idempotency lookup is
  // part of what is measured.
  const clientIdPrefix = randomUUID().slice(0, 8);

  const body = (index, seq, at) => {
    const head = `b|${index}|${seq}|${at.toFixed(3)}|`;
    return head + 'x'.repeat(Math.max(0, cfg.bodyBytes - head.length));
  };

  process.on('message', async (m) => {
    if (m.type === 'init') {
      cfg = m;
      try {
        clients = await pool(m.clients.length, 50, (i) => connect(m.clients[i]));
        process.send({ type: 'ready' });
      } catch (e) {
        process.send({ type: 'error', error: String(e) });
      }
    } else if (m.type === 'start') {
      window = m;
      loop.enable();
      if (cfg.ratePerClient > 0) clients.forEach((c, i) => schedule(c, m.startAt + (i / clients.length) * (1000 / cfg.ratePerClient)));
      setTimeout(finish, m.drainUntil - now());
    }
  });

  function connect(spec) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(cfg.base.replace(/^http/, 'ws') + '/ws', ['bearer', spec.token], { perMessageDeflate: false });
      const c = { ...spec, ws, seq: 0, seen: new Set(), acks: new Map() };
      ws.once('open', () => resolve(c));
      ws.once('error', reject);
      ws.on('message', (raw) => onFrame(c, raw.toString()));
      ws.on('close', (code) => { closes[code] = (closes[code] ?? 0) + 1; });
    });
  }

  // No JSON.parse per frame: at thousands of frames a second it was what saturated the generator.
  // The frames it measures are found by their event name near the start, and the few fields it
  // needs are plain strings (the bench's contents and refs need no escapes).
  function onFrame(c, text) {
    const at = now();
    const head = text.slice(0, 48);
    if (head.includes('"event":"new_message"')) {
      const content = stringField(text, 'content');
      if (content === undefined || !content.startsWith('b|')) return;
      const parts = content.split('|', 4);
      const sentAt = Number(parts[3]);
      if (!window || sentAt < window.measureFrom || sentAt >= window.measureTo) return;
      const key = parts[1] + '|' + parts[2];
      if (c.seen.has(key)) { duplicates++; return; }
      c.seen.add(key);
      received++;
      latency.push(at - sentAt);
    } else if (head.includes('"event":"ack"') || head.includes('"event":"error"')) {
      const ref = stringField(text, 'ref');
      const sentAt = c.acks.get(ref);
      c.acks.delete(ref);
      if (head.includes('"event":"error"')) console.error('error frame', JSON.parse(text).data);
      if (sentAt !== undefined && sentAt >= window.measureFrom && sentAt < window.measureTo) ack.push(at - sentAt);
    }
  }

  // The value of the first "name":"..." in text (undefined if none); values here hold no escapes.
  function stringField(text, name) {
    const key = `"${name}":"`;
    const i = text.indexOf(key);
    if (i < 0) return undefined;
    const from = i + key.length;
    return text.slice(from, text.indexOf('"', from));
  }

  function schedule(c, due) {
    setTimeout(() => {
      if (due >= window.stopAt) return;
      const at = now();
      sendLagMax = Math.max(sendLagMax, at - due);
      const seq = ++c.seq;
      const ref = `${c.index}.${seq}`;
      c.acks.set(ref, at);
      if (at >= window.measureFrom && at < window.measureTo) sentPerRoom[c.roomId] = (sentPerRoom[c.roomId] ?? 0) + 1;
      c.ws.send(JSON.stringify({ event: 'send_message', ref, data: { room_id: c.roomId, content: body(c.index, seq, at), client_id: `${clientIdPrefix}.${ref}` } }));
      schedule(c, due + 1000 / cfg.ratePerClient);
    }, Math.max(0, due - now()));
  }

  function finish() {
    loop.disable();
    process.send({
      type: 'result', sentPerRoom, received, duplicates, latency, ack, sendLagMax, closes,
      loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6,
    });
  }
}

if (process.argv.includes('--worker')) worker();
else coordinator().catch((e) => { console.error(e); process.exit(1); });
