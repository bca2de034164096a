// The page of `numdiff-plot serve` in a real browser (headless Chromium),
// used as a reader would: every panel shows its figure; descent's learning
// rate set to 10 through its field draws the book's diverging path, with the
// final point that `numdiff-plot descent --lr 10 --json` computes; the
// address keeps it across a reload; a value the CLI refuses shows the CLI's
// message and keeps the figure; a link opens the page as it was set; the
// training panel trains on a small synthetic MNIST and ends with what
// `numdiff-plot train --json` prints; without data it says how to get it. Throughout, the browser reports no
// console error, no Content-Security-Policy violation and no request to
// anywhere but the server. A screenshot of descent's panel (lr 0.9) is
// written for the README.
//
// Run by tests/browser/run. Environment: NUMDIFF_PLOT_BIN (the binary;
// default $CARGO_TARGET_DIR/debug/numdiff-plot, CARGO_TARGET_DIR defaulting
// to target/), CHROMIUM (default /usr/bin/chromium), SCREENSHOT (default
// target/browser/serve.png; docs/serve.png refreshes the README's).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const fromRoot = (p) => path.resolve(root, p);
const binary = fromRoot(
  process.env.NUMDIFF_PLOT_BIN || path.join(process.env.CARGO_TARGET_DIR || 'target', 'debug', 'numdiff-plot'),
);
if (!existsSync(binary)) {
  console.error(`tests/browser: no binary at ${binary}; build it with cargo build, or set NUMDIFF_PLOT_BIN`);
  process.exit(1);
}
const screenshot = fromRoot(process.env.SCREENSHOT || path.join('target', 'browser', 'serve.png'));
const scratch = mkdtempSync(path.join(tmpdir(), 'numdiff-plot-browser-'));

/** Chromium's flags: headless, no sandbox (CI runs as root), nothing fetched from the network. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How long a page may take to show every figure (a debug build draws them). */
const READY_MS = 60_000;

// ---------------------------------------------------------------- the CLI

/** What the CLI prints with `args`, as JSON (the figure goes to a scratch file). */
function cliJson(args) {
  const out = execFileSync(binary, [...args, '--json'], { cwd: scratch, encoding: 'utf8' });
  return JSON.parse(out);
}

/** The one line the CLI prints on stderr when it refuses `args`, without "error: ". */
function cliError(args) {
  try {
    execFileSync(binary, args, { cwd: scratch, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const lines = e.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `the CLI's error is one line: ${e.stderr}`);
    return lines[0].replace(/^error: /, '');
  }
  throw new Error(`numdiff-plot ${args.join(' ')} succeeded`);
}

// ---------------------------------------------------------------- a small MNIST

/** An IDX file: magic number, big-endian dimensions, bytes. */
function idx(magic, dims, bytes) {
  const head = Buffer.alloc(4 + 4 * dims.length);
  head.writeUInt32BE(magic, 0);
  dims.forEach((d, i) => head.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([head, Buffer.from(bytes)]);
}

/**
 * `count` 28×28 images of digits that can be told apart: digit d lights the
 * d-th band of rows, plus a pattern that differs from image to image.
 */
function digits(count, seed) {
  const labels = Array.from({ length: count }, (_, i) => (i * 7 + seed) % 10);
  const pixels = new Uint8Array(count * 784);
  labels.forEach((d, n) => {
    for (let p = 0; p < 784; p += 1) {
      const row = Math.floor(p / 28);
      const band = Math.floor(row / 3) === d ? 200 : 0;
      pixels[n * 784 + p] = Math.min(255, band + ((p * 31 + n * 17 + seed) % 40));
    }
  });
  return { images: idx(0x803, [count, 28, 28], pixels), labels: idx(0x801, [count], labels) };
}

function writeMnist(dir) {
  mkdirSync(dir, { recursive: true });
  const train = digits(200, 1);
  const test = digits(50, 2);
  writeFileSync(path.join(dir, 'train-images-idx3-ubyte'), train.images);
  writeFileSync(path.join(dir, 'train-labels-idx1-ubyte'), train.labels);
  writeFileSync(path.join(dir, 't10k-images-idx3-ubyte'), test.images);
  writeFileSync(path.join(dir, 't10k-labels-idx1-ubyte'), test.labels);
  return dir;
}

// ---------------------------------------------------------------- the server

/** `numdiff-plot serve --port 0 ARGS`, and the address it prints. */
async function serve(args, env = {}) {
  const child = spawn(binary, ['serve', '--port', '0', ...args], {
    cwd: scratch,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve printed no address in 30 s: ${stdout}${stderr}`)), 30_000);
    child.stdout.on('data', (d) => {
      stdout += d;
      const m = stdout.match(/http:\/\/[^\s]+\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}) before serving: ${stderr}`)));
    child.on('error', reject);
  });
  return { child, url, stderr: () => stderr };
}

function stop(server) {
  if (server && server.child.exitCode === null) server.child.kill('SIGINT');
}

// ---------------------------------------------------------------- the browser

/**
 * Everything the browser says went wrong on a page, collected as it happens.
 * Chromium logs every answer of 400 or more as a console error; those of the
 * requests a test makes to be refused (`refusals`, parts of their URLs) are
 * not problems.
 */
function watch(page, origin, refusals = []) {
  const problems = [];
  page.on('console', (m) => {
    if (m.type() !== 'error' && m.type() !== 'warning') return;
    const url = m.location().url || '';
    const refused = /status of 4\d\d/.test(m.text()) && refusals.some((r) => url.includes(r));
    if (!refused) problems.push(`console ${m.type()}: ${m.text()} (${url})`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:')) problems.push(`request to ${u}`);
  });
  page.on('requestfailed', (r) => {
    // A training's stream closed by the page is the page's doing.
    if (!r.url().includes('/api/train')) problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  return problems;
}

/** CSP violations, recorded by the page's document before any of its scripts runs. */
function recordViolations() {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
}

const ready = (page) => page.waitForSelector('body[data-ready="true"]', { timeout: READY_MS });

/** Descent's final point as the panel prints it. */
async function finalPoint(page) {
  const report = await page.locator('#descent .report').textContent();
  const m = report.match(/final point after \d+ steps? of lr (\S+): \[(\S+), (\S+)\]/);
  assert.ok(m, `descent's report names its final point: ${report}`);
  return { lr: m[1], x: [Number(m[2]), Number(m[3])] };
}

const figureSrc = (page, name) => page.locator(`#${name} .frame img`).getAttribute('src');

// ---------------------------------------------------------------- the tests

let server;
let bare;
let context;
let page;
let problems;
let panels;
/** The requests the tests make to be refused. */
const refusals = [];

before(async () => {
  const empty = mkdtempSync(path.join(scratch, 'no-data-'));
  // NUMDIFF_PLOT_DATA names an empty directory, so that an MNIST in this
  // machine's cache directory is not found by the server without --data.
  server = await serve(['--data', writeMnist(path.join(scratch, 'mnist'))], { NUMDIFF_PLOT_DATA: empty });
  bare = await serve([], { NUMDIFF_PLOT_DATA: empty });
  panels = (await (await fetch(`${server.url}api/figures`)).json()).panels;
  context = await chromium.launchPersistentContext(mkdtempSync(path.join(scratch, 'profile-')), {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript(recordViolations);
  page = context.pages()[0] || (await context.newPage());
  problems = watch(page, server.url.replace(/\/$/, ''), refusals);
  await page.goto(server.url);
  await ready(page);
});

after(async () => {
  await context?.close();
  stop(server);
  stop(bare);
  rmSync(scratch, { recursive: true, force: true });
});

test('every panel of /api/figures is on the page in its order, each showing an SVG', async () => {
  const names = await page.locator('section.panel').evaluateAll((s) => s.map((p) => p.id));
  assert.deepEqual(names, panels.map((p) => p.name));
  assert.ok(names.length >= 9, `${names.length} panels`);
  for (const name of names) {
    const shown = await page.locator(`#${name} .frame`).evaluate((frame) => {
      const imgs = [...frame.querySelectorAll('img')];
      const svgs = [...frame.querySelectorAll('svg')];
      return {
        images: imgs.filter((i) => i.src.startsWith('data:image/svg+xml') && i.naturalWidth > 0).length,
        inline: svgs.length,
      };
    });
    assert.ok(shown.images + shown.inline > 0, `${name} shows an SVG: ${JSON.stringify(shown)}`);
  }
  const report = await page.locator('#descent .report').textContent();
  assert.match(report, /final point after 20 steps of lr 0\.1: /);
});

test("descent's learning rate typed as 10 draws the book's diverging path", async () => {
  const expected = cliJson(['descent', '--lr', '10', '-o', 'descent.svg']);
  assert.equal(expected.diverged, true);
  const before = await figureSrc(page, 'descent');
  const field = page.locator('#descent [data-flag="lr"] input.value');
  await field.click();
  await field.press('ControlOrMeta+A');
  await field.pressSequentially('10', { delay: 20 });
  await page.waitForFunction(
    () => /of lr 10: /.test(document.querySelector('#descent .report').textContent),
    null,
    { timeout: READY_MS },
  );
  const point = await finalPoint(page);
  assert.deepEqual(point.x, expected.x);
  assert.notEqual(await figureSrc(page, 'descent'), before, 'the figure changed');
  assert.match(await page.locator('#descent .warnings').textContent(), /diverged/);
  const command = await page.locator('#descent .command-line').textContent();
  assert.equal(command, 'numdiff-plot descent --lr 10');
  // The slider followed the field: at its right end, the largest rate offered.
  const slider = page.locator('#descent [data-flag="lr"] input.slider');
  assert.equal(Number(await slider.inputValue()), Number(await slider.getAttribute('max')));
  await page.waitForFunction(() => location.search === '?descent.lr=10');
});

test('reloading the address restores lr = 10 and its figure', async () => {
  await page.reload();
  await ready(page);
  assert.equal(await page.locator('#descent [data-flag="lr"] input.value').inputValue(), '10');
  const expected = cliJson(['descent', '--lr', '10', '-o', 'descent.svg']);
  assert.deepEqual((await finalPoint(page)).x, expected.x);
});

test("the lr slider's left end is the book's 1e-10, which barely moves", async () => {
  const slider = page.locator('#descent [data-flag="lr"] input.slider');
  await slider.focus();
  await slider.press('Home');
  await page.waitForFunction(
    () => /of lr 1e-10: /.test(document.querySelector('#descent .report').textContent),
    null,
    { timeout: READY_MS },
  );
  assert.equal(await page.locator('#descent [data-flag="lr"] input.value').inputValue(), '1e-10');
  const expected = cliJson(['descent', '--lr', '1e-10', '-o', 'descent.svg']);
  assert.deepEqual((await finalPoint(page)).x, expected.x);
  assert.match(await page.locator('#descent .warnings').textContent(), /barely moved/);
});

test("a value the CLI refuses shows the CLI's message, and the last figure stays", async () => {
  const before = await figureSrc(page, 'descent');
  const field = page.locator('#descent [data-flag="lr"] input.value');
  refusals.push('/api/figure/descent?lr=-1');
  await field.fill('-1');
  const error = page.locator('#descent .error');
  await error.waitFor({ state: 'visible', timeout: READY_MS });
  assert.equal(await error.textContent(), cliError(['descent', '--lr', '-1']));
  assert.equal(await figureSrc(page, 'descent'), before);
  await page.locator('#descent button.reset').click();
  await error.waitFor({ state: 'hidden', timeout: READY_MS });
  assert.match(await page.locator('#descent .report').textContent(), /of lr 0\.1: /);
  await page.waitForFunction(() => location.search === '');
});

test("training on a small MNIST grows the curves and ends with what `train --json` prints", async () => {
  const flags = { iters: '300', batch: '10', hidden: '10' };
  for (const [id, value] of Object.entries(flags)) {
    await page.locator(`#train [data-flag="${id}"] input.value`).fill(value);
  }
  await page.locator('#train button.primary').click();
  // While it runs, the live curve has more than one point.
  await page.waitForFunction(
    () => {
      const line = document.querySelector('#train polyline.loss');
      return line && line.getAttribute('points').split(' ').length > 2;
    },
    null,
    { timeout: READY_MS },
  );
  await page.waitForFunction(() => document.querySelectorAll('#train .frame img').length === 2, null, {
    timeout: 120_000,
  });
  const expected = cliJson([
    'train', '--data', path.join(scratch, 'mnist'), '--iters', flags.iters, '--batch', flags.batch,
    '--hidden', flags.hidden, '-o', 'train', '-q',
  ]);
  const report = await page.locator('#train .report').textContent();
  const last = (a) => a[a.length - 1];
  assert.match(report, new RegExp(`train acc ${last(expected.train_acc)}, test acc ${last(expected.test_acc)} `));
  assert.ok(report.includes(`iterations: ${last(expected.loss)}\n`), report);
  const command = await page.locator('#train .command-line').textContent();
  assert.match(command, /^numdiff-plot train /);
  for (const [id, value] of Object.entries(flags)) assert.ok(command.includes(`--${id} ${value}`), command);
});

test('a second training while one runs is refused as busy, and Stop ends the first', async () => {
  await page.locator('#train [data-flag="iters"] input.value').fill('10000');
  await page.locator('#train button.primary').click();
  await page.waitForFunction(() => /^iteration \d+ of 10000/.test(document.querySelector('#train .status').textContent));
  const other = await context.newPage();
  const otherProblems = watch(other, server.url.replace(/\/$/, ''), ['/api/train']);
  await other.goto(server.url);
  await ready(other);
  await other.locator('#train button.primary').click();
  const busy = other.locator('#train .error');
  await busy.waitFor({ state: 'visible' });
  assert.equal(await busy.textContent(), 'busy: a training is already running; stop it or wait');
  await other.close();
  assert.deepEqual(otherProblems, []);
  await page.locator('#train button:text-is("Stop")').click();
  await page.waitForFunction(() => !document.querySelector('#train button.primary').disabled, null, {
    timeout: 30_000,
  });
  const status = await page.locator('#train .status').textContent();
  const error = await page.locator('#train .error').textContent();
  assert.match(`${status} ${error}`, /stop/i);
  assert.equal(await page.locator('#train .frame img').count(), 0, 'no result drawn for a stopped training');
});

test('without MNIST the training panel says how to get it, and Train is off', async () => {
  const other = await context.newPage();
  const otherProblems = watch(other, bare.url.replace(/\/$/, ''));
  await other.goto(bare.url);
  await ready(other);
  const notice = await other.locator('#train .no-data').textContent();
  assert.match(notice, /numdiff-plot data download/);
  assert.equal(await other.locator('#train button.primary').isDisabled(), true);
  await other.close();
  assert.deepEqual(otherProblems, []);
});

test("a link opens the page as it was set: the README's screenshot, descent zigzagging at lr 0.9", async () => {
  await page.goto(`${server.url}?descent.lr=0.9#descent`);
  await ready(page);
  const expected = cliJson(['descent', '--lr', '0.9', '-o', 'descent.svg']);
  assert.deepEqual((await finalPoint(page)).x, expected.x);
  mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.locator('#descent').screenshot({ path: screenshot });
});

test('the browser reported no error, no CSP violation and no request elsewhere', async () => {
  assert.deepEqual(problems, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
});
