// The page of `numdiff-plot serve`: a panel per figure of chapter 4, in the
// book's order, built from what GET /api/figures says about each figure's
// flags (the CLI's own declarations), so that this file names no figure and
// no flag of one. A control's change redraws its figure through
// GET /api/figure/NAME, whose answer is the SVG, the text report, the
// warnings and the command line that reproduces the PNG. The training panel
// streams GET /api/train (server-sent events) and draws the curves as they
// grow. Everything a reader sets lives in the address (?panel.flag=value),
// so a link opens the page as it was left.
'use strict';

/** Wait this long after the last change before asking for a figure. */
const DEBOUNCE_MS = 30;
/** At most this many figure requests at once, page-wide: the server's workers. */
const MAX_REQUESTS = 2;
/** A busy server (503) is asked again this many times, waiting longer each time. */
const RETRIES = 6;
/** The shared output flags, shown apart from a figure's own under "Title, axes and size". */
const OUTPUT_FLAGS = new Set(['title', 'xlabel', 'ylabel', 'zlabel', 'xlim', 'ylim', 'size', 'dpi', 'scale']);

// ---------------------------------------------------------------- DOM helpers

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  setAttributes(node, attrs);
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttributes(node, attrs);
  node.append(...children);
  return node;
}

function setAttributes(node, attrs) {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (key === 'text') node.textContent = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
}

function fromTemplate(id) {
  return document.getElementById(id).content.firstElementChild.cloneNode(true);
}

/** An SVG document as an image: shown as an <img>, so nothing in it runs or styles the page. */
function svgImage(text, alt) {
  const img = new Image();
  img.alt = alt;
  img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(text);
  return img;
}

/** Puts `img` in `frame` once it is decoded, so that the old figure stays until the new one can be shown. */
async function swapImage(frame, img) {
  try {
    await img.decode();
  } catch {
    // An image that cannot be decoded is shown as the browser shows it.
  }
  frame.replaceChildren(img);
}

// ---------------------------------------------------------------- the address

/** `value` for a URL, keeping the commas of "-3,4" readable. */
function encode(value) {
  return encodeURIComponent(value).replace(/%2C/gi, ',');
}

/** A query string from [key, value] pairs. */
function queryString(pairs) {
  return pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
}

/** The values the address holds: panel name → flag id → values. */
function readAddress() {
  const state = new Map();
  for (const [key, value] of new URLSearchParams(location.search)) {
    const dot = key.indexOf('.');
    if (dot < 1) continue;
    const panel = key.slice(0, dot);
    const id = key.slice(dot + 1);
    if (!state.has(panel)) state.set(panel, new Map());
    const values = state.get(panel);
    values.set(id, [...(values.get(id) || []), value]);
  }
  return state;
}

/** Writes every panel's values that differ from the book's into the address, keeping its #panel. */
function writeAddress(panels) {
  const pairs = panels.flatMap((p) => p.changedPairs().map(([id, v]) => [`${p.name}.${id}`, v]));
  const search = pairs.length ? '?' + queryString(pairs) : '';
  history.replaceState(null, '', location.pathname + search + location.hash);
}

// ---------------------------------------------------------------- requests

/** At most MAX_REQUESTS tasks at once; the others wait their turn in order. */
const limiter = {
  active: 0,
  waiting: [],
  async run(task) {
    if (this.active >= MAX_REQUESTS) await new Promise((resolve) => this.waiting.push(resolve));
    this.active += 1;
    try {
      return await task();
    } finally {
      this.active -= 1;
      const next = this.waiting.shift();
      if (next) next();
    }
  },
};

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET `url`, asked again while the server says it is overloaded (503). */
async function fetchPatiently(url, options) {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(url, options);
    if (response.status !== 503 || attempt === RETRIES) return response;
    await sleep(50 * 2 ** attempt);
  }
}

/** The `error` of a JSON answer, or a line saying what came instead. */
async function errorOf(response) {
  try {
    const body = await response.json();
    if (body && typeof body.error === 'string') return body.error;
  } catch {
    // Not JSON: said below.
  }
  return `the server answered ${response.status} ${response.statusText}`;
}

// ---------------------------------------------------------------- numbers

/** A slider's position ↔ a flag's value: linear, or 10^position on a log scale. */
function sliderScale(spec) {
  const { min, max, log } = spec.slider;
  // A range and a default in whole numbers is taken for a count (steps,
  // iterations, hidden units, degrees), whose slider offers whole numbers;
  // a short one (tangent's x from 0 to 20) is taken for a coordinate.
  const whole = [min, max, Number(spec.default ?? 0)].every(Number.isInteger);
  if (log) {
    const lo = Math.log10(min);
    const hi = Math.log10(max);
    // Two significant digits: 10^-9.9 is offered as 1.3e-10, not 1.2589254117941662e-10.
    const round = (v) => Number(v.toPrecision(2));
    return {
      min: lo,
      max: hi,
      step: (hi - lo) > 20 ? 0.1 : 0.05,
      position: (v) => Math.log10(v),
      value: (p) => String(whole ? Math.max(min, Math.round(round(10 ** p))) : round(10 ** p)),
    };
  }
  const step = spec.slider.step ?? (whole && max - min >= 100 ? 1 : niceStep((max - min) / 400));
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  return {
    min,
    max,
    step,
    position: (v) => v,
    value: (p) => String(Number(p.toFixed(decimals))),
  };
}

/** The 1, 2 or 5 times a power of ten nearest above `raw`. */
function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

/** About `count` round ticks from `lo` to `hi`. */
function ticks(lo, hi, count = 5) {
  if (!(hi > lo)) return [lo];
  const step = niceStep((hi - lo) / count);
  const out = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
    out.push(Number(t.toPrecision(12)));
  }
  return out;
}

// ---------------------------------------------------------------- controls

/** The book's values of a control, as strings: none, one, or several for a repeatable flag. */
function defaultsOf(spec) {
  if (spec.kind === 'bool') return spec.default === 'true' ? ['true'] : [];
  if (Array.isArray(spec.defaults)) return spec.defaults.map(String);
  if (spec.default === null || spec.default === undefined) return [];
  // clap shows several default values separated by spaces.
  return spec.repeatable ? spec.default.split(/\s+/).filter(Boolean) : [spec.default];
}

const sameValues = (a, b) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * One flag of a figure as the reader sets it: a checkbox, a select, or text
 * fields (one per value of a repeatable flag) with a slider beside the first
 * where the server gives the flag a range. `onChange` is called on every edit.
 */
class Control {
  constructor(panelName, spec, initial, onChange) {
    this.spec = spec;
    this.defaults = defaultsOf(spec);
    this.onChange = onChange;
    this.id = `${panelName}-${spec.id}`;
    this.node = fromTemplate('control-template');
    this.node.dataset.flag = spec.id;
    this.node.classList.add(`kind-${spec.kind}`);
    const label = this.node.querySelector('.flag');
    label.append(el('code', { text: spec.flag }));
    label.htmlFor = this.id;
    const help = this.node.querySelector('.help');
    help.textContent = spec.help;
    if (this.defaults.length && spec.kind !== 'bool') {
      help.append(' · book: ', el('span', { class: 'default', text: this.defaults.join(' ') }));
    }
    this.inputs = this.node.querySelector('.inputs');
    this.build(initial ?? this.defaults);
  }

  build(values) {
    const { spec } = this;
    if (spec.kind === 'bool') {
      this.box = el('input', { type: 'checkbox', id: this.id });
      this.box.checked = values.includes('true');
      this.box.addEventListener('change', () => this.onChange());
      this.inputs.append(this.box);
    } else if (spec.kind === 'select') {
      this.select = el('select', { id: this.id });
      if (!this.defaults.length) this.select.append(el('option', { value: '', text: '(not set)' }));
      for (const choice of spec.choices || []) this.select.append(el('option', { value: choice, text: choice }));
      this.select.value = values[0] ?? '';
      this.select.addEventListener('change', () => this.onChange());
      this.inputs.append(this.select);
    } else {
      this.fields = el('div', { class: 'fields' });
      this.inputs.append(this.fields);
      if (spec.slider) this.addSlider();
      const list = values.length ? values : [''];
      list.forEach((v) => this.addField(v));
      if (spec.repeatable) {
        const more = el('button', { type: 'button', class: 'add', text: '+', title: `another ${spec.flag}` });
        more.setAttribute('aria-label', `add another ${spec.flag}`);
        more.addEventListener('click', () => {
          this.addField('').focus();
        });
        this.inputs.append(more);
      }
      this.followField();
    }
  }

  addSlider() {
    this.scale = sliderScale(this.spec);
    this.slider = el('input', {
      type: 'range',
      class: 'slider',
      min: this.scale.min,
      max: this.scale.max,
      step: this.scale.step,
      'aria-label': `${this.spec.flag}${this.spec.slider.log ? ' (log scale)' : ''}`,
    });
    this.slider.addEventListener('input', () => {
      this.fieldList()[0].value = this.scale.value(Number(this.slider.value));
      this.onChange();
    });
    this.inputs.prepend(this.slider);
    this.node.classList.add('has-slider');
  }

  addField(value) {
    const field = el('input', {
      type: 'text',
      class: 'value',
      spellcheck: 'false',
      inputmode: this.spec.kind === 'number' ? 'decimal' : null,
      placeholder: this.defaults.length ? null : 'not set',
    });
    if (!this.fields.querySelector('input')) field.id = this.id;
    field.value = value;
    field.addEventListener('input', () => {
      if (field === this.fieldList()[0]) this.followField();
      this.onChange();
    });
    const row = el('div', { class: 'field' }, field);
    if (this.spec.repeatable && this.fields.children.length) {
      const remove = el('button', { type: 'button', class: 'remove', text: '×', title: 'remove this value' });
      remove.setAttribute('aria-label', `remove this ${this.spec.flag}`);
      remove.addEventListener('click', () => {
        row.remove();
        this.onChange();
      });
      row.append(remove);
    }
    this.fields.append(row);
    return field;
  }

  fieldList() {
    return [...this.fields.querySelectorAll('input.value')];
  }

  /** Moves the slider to the first field's value, where it is a number within reach. */
  followField() {
    if (!this.slider) return;
    const text = this.fieldList()[0].value.trim();
    const v = Number(text);
    const unset = text === '' || !Number.isFinite(v) || (this.spec.slider.log && v <= 0);
    // A slider whose field is empty or not a number stands faded where it was.
    this.slider.classList.toggle('unset', unset);
    if (unset) return;
    const p = this.scale.position(v);
    this.slider.value = String(Math.min(this.scale.max, Math.max(this.scale.min, p)));
  }

  /** The values as set now. */
  values() {
    if (this.box) return this.box.checked ? ['true'] : [];
    if (this.select) return this.select.value === '' ? [] : [this.select.value];
    const values = this.fieldList().map((f) => f.value.trim());
    // An empty field of a flag with no default leaves it unset; of one with a
    // default, it is sent as it is, and the CLI says what it expects.
    return this.spec.repeatable || !this.defaults.length ? values.filter((v) => v !== '') : values;
  }

  /** The values to send: none when they are the book's. */
  changed() {
    const values = this.values();
    return sameValues(values, this.defaults) ? [] : values;
  }

  reset() {
    this.inputs.replaceChildren();
    this.slider = null;
    this.box = null;
    this.select = null;
    this.node.classList.remove('has-slider');
    this.build(this.defaults);
  }
}

/** A panel's controls: its figure's own flags, then the shared output flags folded away. */
class ControlSet {
  constructor(panelName, specs, initial, onChange) {
    this.controls = specs.map((spec) => new Control(panelName, spec, initial.get(spec.id), onChange));
    this.form = el('form', { class: 'controls', autocomplete: 'off' });
    this.form.addEventListener('submit', (e) => e.preventDefault());
    const own = this.controls.filter((c) => !OUTPUT_FLAGS.has(c.spec.id));
    const output = this.controls.filter((c) => OUTPUT_FLAGS.has(c.spec.id));
    this.form.append(...own.map((c) => c.node));
    if (output.length) {
      const more = el('details', { class: 'more' }, el('summary', { text: 'Title, axes and size' }));
      more.append(...output.map((c) => c.node));
      more.open = output.some((c) => c.changed().length);
      this.form.append(more);
    }
    const reset = el('button', { type: 'button', class: 'reset', text: "Book's values" });
    reset.addEventListener('click', () => {
      this.controls.forEach((c) => c.reset());
      onChange();
    });
    this.form.append(el('div', { class: 'actions' }, reset));
  }

  /** [flag id, value] for every value that differs from the book's. */
  changedPairs() {
    return this.controls.flatMap((c) => c.changed().map((v) => [c.spec.id, v]));
  }
}

// ---------------------------------------------------------------- a figure's panel

/** The shell of a panel: heading, the slot for the figure, and the side with controls and numbers. */
function panelShell(spec) {
  const node = fromTemplate('panel-template');
  node.id = spec.name;
  node.dataset.panel = spec.name;
  node.querySelector('.figno').textContent = spec.figure ? `Figure ${spec.figure}` : 'Beyond the figures';
  const anchor = node.querySelector('.anchor');
  anchor.href = `#${spec.name}`;
  anchor.textContent = spec.name;
  node.querySelector('.about').textContent = spec.about;
  return node;
}

/** Copies the command line, by the clipboard API where the page may use it, else by selecting it. */
function copyButton(button, code) {
  button.addEventListener('click', async () => {
    const text = code.textContent;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      document.execCommand('copy');
    }
    button.textContent = 'Copied';
    setTimeout(() => {
      button.textContent = 'Copy';
    }, 1500);
  });
}

class FigurePanel {
  constructor(spec, initial, app) {
    this.spec = spec;
    this.name = spec.name;
    this.app = app;
    this.node = panelShell(spec);
    this.frame = this.node.querySelector('.frame');
    this.frame.querySelector('img').alt = spec.about;
    this.status = this.node.querySelector('.status');
    this.error = this.node.querySelector('.error');
    this.warnings = this.node.querySelector('.warnings');
    this.report = this.node.querySelector('.report');
    this.command = this.node.querySelector('.command-line');
    copyButton(this.node.querySelector('.copy'), this.command);
    this.controls = new ControlSet(spec.name, spec.controls, initial, () => this.changed());
    this.node.querySelector('form.controls').replaceWith(this.controls.form);
    this.timer = 0;
    this.inFlight = false;
    this.again = false;
    this.shown = 0;
  }

  changedPairs() {
    return this.controls.changedPairs();
  }

  changed() {
    this.app.saveAddress();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.draw(), DEBOUNCE_MS);
  }

  /**
   * Asks for the figure as the controls are now. One request at a time: a
   * change while one is out is drawn when it returns, from the values then.
   */
  async draw() {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    this.again = false;
    this.node.classList.add('busy');
    const query = queryString(this.changedPairs());
    const url = `/api/figure/${encodeURIComponent(this.name)}${query ? '?' + query : ''}`;
    const start = performance.now();
    try {
      const response = await limiter.run(() => fetchPatiently(url));
      if (response.ok) {
        const body = await response.json();
        await this.show(body, performance.now() - start);
      } else if (!this.again) {
        // An error for values already changed again is stale: the next answer says what holds.
        this.showError(await errorOf(response));
      }
    } catch (e) {
      this.showError(`no answer from the server (${e.message}); is numdiff-plot serve still running?`);
    } finally {
      this.inFlight = false;
      this.node.classList.remove('busy');
      if (this.again) this.draw();
    }
  }

  async show(body, ms) {
    this.shown += 1;
    await swapImage(this.frame, svgImage(body.svg, this.spec.about));
    this.node.classList.remove('failed');
    this.error.hidden = true;
    this.error.textContent = '';
    this.report.textContent = body.report;
    this.warnings.replaceChildren(...(body.warnings || []).map((w) => el('li', { text: w })));
    this.warnings.hidden = !this.warnings.children.length;
    this.command.textContent = body.command;
    this.status.textContent = `drawn in ${Math.round(ms)} ms`;
    this.node.dataset.drawn = String(this.shown);
  }

  showError(message) {
    this.node.classList.add('failed');
    this.error.textContent = message;
    this.error.hidden = false;
    this.status.textContent = this.shown ? 'the figure above is the last one drawn' : '';
  }
}

// ---------------------------------------------------------------- training

/** A chart drawn here while the training runs: polylines over simple axes. */
class LiveChart {
  constructor({ title, xlabel, ylabel, series }) {
    this.width = 640;
    this.height = 400;
    this.box = { left: 64, right: 620, top: 36, bottom: 350 };
    this.xmax = 1;
    this.yrange = null;
    this.series = series.map((s) => ({ ...s, points: [] }));
    this.title = title;
    this.xlabel = xlabel;
    this.ylabel = ylabel;
    this.node = svg('svg', {
      viewBox: `0 0 ${this.width} ${this.height}`,
      class: 'live-chart',
      role: 'img',
      'aria-label': title,
    });
    this.pending = false;
    this.render();
  }

  reset(xmax, yrange) {
    this.xmax = xmax;
    this.yrange = yrange;
    this.series.forEach((s) => {
      s.points = [];
    });
    this.render();
  }

  push(name, x, y) {
    if (!Number.isFinite(y)) return;
    this.series.find((s) => s.name === name).points.push([x, y]);
    if (!this.pending) {
      this.pending = true;
      requestAnimationFrame(() => {
        this.pending = false;
        this.render();
      });
    }
  }

  yLimits() {
    if (this.yrange) return this.yrange;
    const ys = this.series.flatMap((s) => s.points.map((p) => p[1]));
    const top = ys.length ? Math.max(...ys) : 1;
    return [0, top > 0 ? top * 1.05 : 1];
  }

  render() {
    const { left, right, top, bottom } = this.box;
    const [y0, y1] = this.yLimits();
    const sx = (x) => left + ((right - left) * x) / this.xmax;
    const sy = (y) => bottom - ((bottom - top) * (y - y0)) / (y1 - y0);
    const parts = [
      svg('text', { x: (left + right) / 2, y: 22, class: 'chart-title', 'text-anchor': 'middle' }, this.title),
      svg('rect', { x: left, y: top, width: right - left, height: bottom - top, class: 'chart-frame' }),
    ];
    for (const t of ticks(0, this.xmax)) {
      parts.push(svg('line', { x1: sx(t), x2: sx(t), y1: bottom, y2: bottom + 5, class: 'tick' }));
      parts.push(svg('text', { x: sx(t), y: bottom + 19, 'text-anchor': 'middle', class: 'tick-label' }, String(t)));
    }
    for (const t of ticks(y0, y1)) {
      parts.push(svg('line', { x1: left - 5, x2: left, y1: sy(t), y2: sy(t), class: 'tick' }));
      parts.push(svg('line', { x1: left, x2: right, y1: sy(t), y2: sy(t), class: 'grid' }));
      parts.push(svg('text', { x: left - 8, y: sy(t) + 4, 'text-anchor': 'end', class: 'tick-label' }, String(t)));
    }
    parts.push(svg('text', { x: (left + right) / 2, y: this.height - 12, 'text-anchor': 'middle', class: 'axis-label' }, this.xlabel));
    parts.push(
      svg('text', { x: 16, y: (top + bottom) / 2, 'text-anchor': 'middle', class: 'axis-label', transform: `rotate(-90 16 ${(top + bottom) / 2})` }, this.ylabel),
    );
    this.series.forEach((s, i) => {
      const points = s.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(Math.min(y1, Math.max(y0, y))).toFixed(1)}`);
      parts.push(svg('polyline', { points: points.join(' '), class: `series ${s.class}` }));
      if (this.series.length > 1) {
        const y = top + 18 + 20 * i;
        parts.push(svg('line', { x1: right - 110, x2: right - 80, y1: y, y2: y, class: `series ${s.class}` }));
        parts.push(svg('text', { x: right - 72, y: y + 4, class: 'legend' }, s.name));
      }
    });
    this.node.replaceChildren(...parts);
  }
}

/** The events of a text/event-stream body, as {event, data} with data parsed as JSON. */
async function* serverEvents(body) {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) yield { event, data: JSON.parse(data.join('\n')) };
    }
  }
}

/**
 * Figures 4-11 and 4-12: train the network with the controls' flags and
 * watch the loss and the accuracies grow; the server's own figures replace
 * the live curves when it is done. The stream is read with fetch rather
 * than EventSource, which would hide a refusal's status and message (409
 * busy, 400 bad flag, MNIST missing).
 */
class TrainPanel {
  constructor(spec, initial, app) {
    this.spec = spec;
    this.name = spec.name;
    this.app = app;
    this.node = panelShell(spec);
    this.node.classList.add('train');
    if (spec.figure) this.node.querySelector('.figno').textContent = `Figures ${spec.figure} and 4-12`;
    this.error = this.node.querySelector('.error');
    this.report = this.node.querySelector('.report');
    this.warnings = this.node.querySelector('.warnings');
    this.status = this.node.querySelector('.status');
    this.command = this.node.querySelector('.command-line');
    // The command line is the server's, shown with the result it reproduces.
    this.node.querySelector('.command').hidden = true;
    copyButton(this.node.querySelector('.copy'), this.command);
    this.controls = new ControlSet(spec.name, spec.controls, initial, () => this.app.saveAddress());
    this.node.querySelector('form.controls').replaceWith(this.controls.form);
    this.loss = new LiveChart({
      title: 'loss (Figure 4-11)',
      xlabel: 'iteration',
      ylabel: 'loss',
      series: [{ name: 'loss', class: 'loss' }],
    });
    this.accuracy = new LiveChart({
      title: 'accuracy (Figure 4-12)',
      xlabel: 'iteration',
      ylabel: 'accuracy',
      series: [
        { name: 'train acc', class: 'train-acc' },
        { name: 'test acc', class: 'test-acc' },
      ],
    });
    this.frame = this.node.querySelector('.frame');
    this.lossFrame = el('div', { class: 'chart' }, this.loss.node);
    this.accuracyFrame = el('div', { class: 'chart' }, this.accuracy.node);
    this.frame.replaceChildren(this.lossFrame, this.accuracyFrame);
    this.frame.classList.add('charts');
    this.trainButton = el('button', { type: 'button', class: 'primary', text: 'Train' });
    this.stopButton = el('button', { type: 'button', text: 'Stop', disabled: true });
    this.trainButton.addEventListener('click', () => this.train());
    this.stopButton.addEventListener('click', () => this.stop());
    this.controls.form.querySelector('.actions').prepend(this.trainButton, this.stopButton);
    if (!spec.data) this.withoutData();
    else this.status.textContent = 'MNIST found: press Train to watch the network learn';
  }

  changedPairs() {
    return this.controls.changedPairs();
  }

  withoutData() {
    this.trainButton.disabled = true;
    const hint = this.spec.data_hint || 'numdiff-plot data download';
    const notice = el(
      'p',
      { class: 'notice no-data' },
      'Training needs MNIST, which this server did not find. Get it with ',
      el('code', { text: hint }),
      ', then start ',
      el('code', { text: 'numdiff-plot serve' }),
      ' again (or give it ',
      el('code', { text: '--data DIR' }),
      ').',
    );
    this.controls.form.before(notice);
    this.status.textContent = 'no data: the curves appear here as the network learns';
  }

  async train() {
    this.error.hidden = true;
    this.report.textContent = '';
    this.warnings.hidden = true;
    const query = queryString(this.changedPairs());
    this.abort = new AbortController();
    this.trainButton.disabled = true;
    this.stopButton.disabled = false;
    this.node.classList.add('busy');
    this.frame.replaceChildren(this.lossFrame, this.accuracyFrame);
    this.last = null;
    let finished = false;
    try {
      const response = await fetch(`/api/train${query ? '?' + query : ''}`, { signal: this.abort.signal });
      if (!response.ok) {
        const message = await errorOf(response);
        this.showError(response.status === 409 ? `busy: ${message}` : message);
        return;
      }
      this.status.textContent = 'loading MNIST…';
      for await (const { event, data } of serverEvents(response.body)) {
        if (event === 'progress') this.progress(data);
        else if (event === 'epoch') this.epoch(data);
        else if (event === 'done') {
          finished = true;
          await this.done(data);
        } else if (event === 'error') {
          finished = true;
          this.showError(data.error);
        }
      }
      if (!finished) {
        this.status.textContent = this.last
          ? `stopped after iteration ${this.last.iteration + 1} of ${this.last.iterations}`
          : 'stopped';
      }
    } catch (e) {
      if (e.name !== 'AbortError') this.showError(`the training's stream broke off (${e.message})`);
    } finally {
      this.trainButton.disabled = !this.spec.data;
      this.stopButton.disabled = true;
      this.node.classList.remove('busy');
    }
  }

  progress(p) {
    if (!this.last) {
      this.loss.reset(p.iterations, null);
      this.accuracy.reset(p.iterations, [0, 1]);
    }
    this.last = p;
    this.loss.push('loss', p.iteration, p.loss);
    this.status.textContent = `iteration ${p.iteration + 1} of ${p.iterations} · loss ${p.loss.toFixed(4)}`;
  }

  epoch(e) {
    this.accuracy.push('train acc', e.iteration, e.train_acc);
    this.accuracy.push('test acc', e.iteration, e.test_acc);
    this.report.textContent = `after iteration ${e.iteration}: train acc ${e.train_acc}, test acc ${e.test_acc}`;
  }

  async done(d) {
    const data = d.data;
    const last = (a) => (a && a.length ? a[a.length - 1] : undefined);
    this.report.textContent = [
      `train acc ${last(data.train_acc)}, test acc ${last(data.test_acc)} after ${data.train_acc.length} epochs`,
      `loss at the last of ${data.loss.length} iterations: ${last(data.loss)}`,
      `${data.loss.length} iterations in ${Number(data.seconds).toFixed(2)} s`,
    ].join('\n');
    this.command.textContent = d.command;
    this.node.querySelector('.command').hidden = false;
    this.warnings.replaceChildren(...(d.warnings || []).map((w) => el('li', { text: w })));
    this.warnings.hidden = !this.warnings.children.length;
    this.status.textContent = 'done: the figures as numdiff-plot train draws them';
    const loss = el('div', { class: 'chart' });
    const accuracy = el('div', { class: 'chart' });
    await Promise.all([
      swapImage(loss, svgImage(d.loss_svg, 'the loss of every iteration (Figure 4-11)')),
      swapImage(accuracy, svgImage(d.accuracy_svg, 'train and test accuracy per epoch (Figure 4-12)')),
    ]);
    this.frame.replaceChildren(loss, accuracy);
  }

  async stop() {
    this.stopButton.disabled = true;
    this.status.textContent = 'stopping…';
    try {
      await fetch('/api/train/stop');
    } catch {
      // The stream's own end says whether it stopped.
    }
    // Closing the stream stops the training too, should the request above not have.
    setTimeout(() => this.abort && this.abort.abort(), 2000);
  }

  showError(message) {
    this.error.textContent = message;
    this.error.hidden = false;
    this.status.textContent = '';
  }
}

// ---------------------------------------------------------------- the page

class App {
  constructor() {
    this.panels = [];
    this.saving = 0;
  }

  async start() {
    const main = document.getElementById('panels');
    let figures;
    try {
      const response = await fetchPatiently('/api/figures');
      if (!response.ok) throw new Error(await errorOf(response));
      figures = await response.json();
    } catch (e) {
      document.getElementById('loading').textContent = `The list of figures did not load: ${e.message}`;
      return;
    }
    const address = readAddress();
    const toc = document.getElementById('toc');
    for (const spec of figures.panels) {
      const initial = address.get(spec.name) || new Map();
      const isTrain = 'data' in spec;
      const panel = isTrain ? new TrainPanel(spec, initial, this) : new FigurePanel(spec, initial, this);
      this.panels.push(panel);
      toc.append(
        el(
          'li',
          {},
          el('a', { href: `#${spec.name}` }, el('span', { class: 'toc-fig', text: spec.figure || '·' }), ' ', spec.name),
        ),
      );
    }
    main.replaceChildren(...this.panels.map((p) => p.node));
    if (location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
    await Promise.all(this.panels.filter((p) => p instanceof FigurePanel).map((p) => p.draw()));
    document.body.dataset.ready = 'true';
  }

  /** The address follows the controls, a frame at most after the last change. */
  saveAddress() {
    cancelAnimationFrame(this.saving);
    this.saving = requestAnimationFrame(() => writeAddress(this.panels));
  }
}

new App().start();
