/*
 * covseg serve: the browser UI. Plain ES2020, no build step, no framework; NiiVue (vendor/niivue.umd.js) draws the
 * volumes. The API is described in /api/openapi.yaml. Research software, not for clinical use.
 *
 * Routes (location.hash): "#/" the upload form and the list of studies, "#/jobs/<id>" one study.
 * The token comes from "#token=<token>" (printed by covseg serve at first start), is kept in localStorage
 * ("covseg.token") and removed from the address bar.
 *
 * Hooks for browser tests:
 *   upload:  #file-input, #drop-zone, #upload-button, #upload-progress, #upload-status (data-kind="error|ok|busy")
 *   list:    #jobs tr[data-job-id] with data-state, td.job-state (the state word), a.job-link, button.job-delete
 *   study:   #study, #study-state, #study-error, #study-headline, #report-frame, #study-files a
 *   viewer:  canvas#viewer data-viewer-ready="false|true|error", data-overlays="<overlay volumes loaded>"
 */
'use strict';

(() => {
  const API = '/api/v1';
  const TOKEN_KEY = 'covseg.token';
  const POLL_MS = 4000;
  /* Browsers allow 6 HTTP/1.1 connections per host; an EventSource holds one for as long as it is open. */
  const MAX_LIST_STREAMS = 3;
  const FINAL = new Set(['done', 'failed']);
  const RANK = { queued: 0, running: 1, done: 2, failed: 2 };

  const $ = (id) => document.getElementById(id);

  /* ------------------------------------------------------------------ small helpers */

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = v;
        else if (k === 'dataset') Object.assign(e.dataset, v);
        else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c !== null && c !== undefined && c !== false) e.append(c);
    }
    return e;
  }

  function setText(node, text) {
    const t = text === null || text === undefined ? '' : String(text);
    if (node.textContent !== t) node.textContent = t;
  }

  function fmtBytes(n) {
    if (!Number.isFinite(n)) return '';
    if (n < 1024) return `${n} B`;
    const units = ['KB', 'MB', 'GB', 'TB'];
    let v = n / 1024;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
  }

  function fmtSeconds(s) {
    if (s === null || s === undefined || !Number.isFinite(s)) return '';
    if (s < 10) return `${s.toFixed(1)} s`;
    if (s < 60) return `${Math.round(s)} s`;
    const m = Math.floor(s / 60);
    const r = Math.round(s - 60 * m);
    if (m < 60) return r ? `${m} min ${r} s` : `${m} min`;
    return `${Math.floor(m / 60)} h ${m % 60} min`;
  }

  function fmtTime(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    const today = new Date();
    const sameDay = d.toDateString() === today.toDateString();
    return sameDay
      ? d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' })
      : d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  function progressText(job) {
    if (job.state === 'queued') return 'waiting';
    if (job.state !== 'running') return '';
    const stage = job.stage || 'starting';
    return job.slices_total > 0 ? `${stage} ${job.slices_done}/${job.slices_total} slices` : stage;
  }

  /* ------------------------------------------------------------------ the token */

  let memoryToken = null;

  function readToken() {
    try {
      return localStorage.getItem(TOKEN_KEY) || memoryToken;
    } catch (e) {
      return memoryToken;
    }
  }

  function saveToken(t) {
    memoryToken = t;
    try { localStorage.setItem(TOKEN_KEY, t); } catch (e) { /* private mode: keep it in memory */ }
  }

  function clearToken() {
    memoryToken = null;
    try { localStorage.removeItem(TOKEN_KEY); } catch (e) { /* nothing kept */ }
  }

  /** Takes "#token=..." from the address (as covseg serve prints it), keeps it, and removes it from the bar. */
  function takeTokenFromFragment() {
    const frag = location.hash.replace(/^#/, '');
    const m = /(?:^|[?&])token=([^&]*)/.exec(frag);
    if (!m) return;
    let t = m[1];
    try { t = decodeURIComponent(t); } catch (e) { /* keep as is */ }
    t = t.trim();
    if (t) saveToken(t);
    const rest = frag.replace(/(?:^|[?&])token=[^&]*/, '').replace(/^[?&]/, '');
    const route = rest.startsWith('/') ? '#' + rest : '#/';
    history.replaceState(history.state, '', location.pathname + location.search + route);
  }

  function withToken(url) {
    const t = readToken() || '';
    return url + (url.includes('?') ? '&' : '?') + 'access_token=' + encodeURIComponent(t);
  }

  function fileUrl(jobId, name) {
    return withToken(`${API}/jobs/${encodeURIComponent(jobId)}/files/${encodeURIComponent(name)}`);
  }

  /* ------------------------------------------------------------------ API calls */

  class ApiError extends Error {
    constructor(status, message, retryAfter) {
      super(message);
      this.status = status;
      this.retryAfter = retryAfter || null;
    }
  }

  /** The server's one-line error, or a short line about a response that is not the API's JSON. */
  function errorLine(status, statusText, body, contentType) {
    if (body && /json/i.test(contentType || '')) {
      try {
        const j = JSON.parse(body);
        if (j && typeof j.error === 'string' && j.error) return j.error;
      } catch (e) { /* fall through */ }
    }
    if (body && !/html/i.test(contentType || '')) {
      const line = body.trim().split('\n')[0];
      if (line) return line.slice(0, 300);
    }
    return `HTTP ${status}${statusText ? ' ' + statusText : ''}`;
  }

  async function readError(res) {
    let body = '';
    try { body = await res.text(); } catch (e) { /* none */ }
    return errorLine(res.status, res.statusText, body, res.headers.get('Content-Type'));
  }

  async function api(path, options) {
    const opts = options || {};
    const token = readToken();
    if (!token) {
      needToken();
      throw new ApiError(401, 'no access token');
    }
    let res;
    try {
      res = await fetch(API + path, {
        method: opts.method || 'GET',
        headers: { Authorization: 'Bearer ' + token, Accept: 'application/json' },
        cache: 'no-store',
        signal: opts.signal,
      });
    } catch (e) {
      if (e && e.name === 'AbortError') throw e;
      throw new ApiError(0, 'cannot reach covseg serve (is it still running?)');
    }
    if (res.status === 401) {
      const msg = await readError(res);
      needToken(msg);
      throw new ApiError(401, msg);
    }
    if (!res.ok) throw new ApiError(res.status, await readError(res), res.headers.get('Retry-After'));
    if (res.status === 204) return null;
    return res.json();
  }

  /** Downloads a file with the token header, reporting bytes as they come. */
  async function fetchBuffer(url, onBytes, signal) {
    const res = await fetch(url, { headers: { Authorization: 'Bearer ' + (readToken() || '') }, signal });
    if (res.status === 401) {
      const msg = await readError(res);
      needToken(msg);
      throw new ApiError(401, msg);
    }
    if (!res.ok) throw new ApiError(res.status, await readError(res));
    if (!res.body || !res.body.getReader) {
      const b = await res.arrayBuffer();
      onBytes(b.byteLength);
      return b;
    }
    const reader = res.body.getReader();
    const chunks = [];
    let n = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      n += value.length;
      onBytes(value.length);
    }
    const out = new Uint8Array(n);
    let o = 0;
    for (const c of chunks) { out.set(c, o); o += c.length; }
    return out.buffer;
  }

  /* ------------------------------------------------------------------ live updates: SSE and a light poll */

  const streams = new Map(); // job id -> EventSource
  let pollTimer = null;

  function follow(id, onJob) {
    if (streams.has(id) || !readToken()) return;
    const es = new EventSource(withToken(`${API}/jobs/${encodeURIComponent(id)}/events`));
    streams.set(id, es);
    es.addEventListener('job', (ev) => {
      let job;
      try { job = JSON.parse(ev.data); } catch (e) { return; }
      onJob(job);
      if (FINAL.has(job.state)) unfollow(id);
    });
    // The stream ended or failed (deleted job, server stopped, token changed): the poll takes over and
    // follows again while the job is still active. Closing stops EventSource's own reconnecting.
    es.onerror = () => unfollow(id);
  }

  function unfollow(id) {
    const es = streams.get(id);
    if (es) {
      es.close();
      streams.delete(id);
    }
  }

  function unfollowAll() {
    for (const id of [...streams.keys()]) unfollow(id);
  }

  function startPoll(fn) {
    stopPoll();
    pollTimer = setInterval(() => {
      if (!document.hidden) fn();
    }, POLL_MS);
  }

  function stopPoll() {
    if (pollTimer !== null) clearInterval(pollTimer);
    pollTimer = null;
  }

  /** Whether {@code next} may replace {@code prev} (a slow poll answer must not undo a newer event). */
  function newer(prev, next) {
    if (!prev) return true;
    return (RANK[next.state] ?? 0) >= (RANK[prev.state] ?? 0);
  }

  /* ------------------------------------------------------------------ views and routing */

  let currentView = null;
  let navigated = false;

  function showOnly(view) {
    $('token-panel').hidden = view !== 'token';
    $('list-view').hidden = view !== 'list';
    $('study').hidden = view !== 'study';
    currentView = view;
  }

  function route() {
    if (!readToken()) {
      needToken();
      return;
    }
    const m = /^#\/jobs\/([^/?#]+)\/?$/.exec(location.hash);
    if (m) {
      let id = m[1];
      try { id = decodeURIComponent(id); } catch (e) { /* keep */ }
      showStudy(id);
    } else {
      showList();
    }
  }

  function focusHeading(id) {
    if (!navigated) return;
    const h = $(id);
    if (h) h.focus({ preventScroll: false });
  }

  /** No token, or the server refused it: ask for one. */
  function needToken(message) {
    if (message) clearToken();
    unfollowAll();
    stopPoll();
    leaveStudy();
    const wasShown = currentView === 'token';
    showOnly('token');
    document.title = 'covseg: access token';
    setText($('token-message'), message ? `The server refused the token: ${message}` : '');
    if (!wasShown) {
      $('token-input').value = '';
      $('token-input').focus();
    }
  }

  function initToken() {
    $('token-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const t = $('token-input').value.trim();
      if (!t) {
        setText($('token-message'), 'Paste the access token first.');
        $('token-input').focus();
        return;
      }
      saveToken(t);
      $('token-input').value = '';
      setText($('token-message'), '');
      navigated = true;
      loadServerInfo();
      route();
    });
    $('forget-token').addEventListener('click', () => {
      clearToken();
      needToken();
    });
  }

  /* ------------------------------------------------------------------ server facts */

  async function loadServerInfo() {
    try {
      const s = await api('/server');
      const models = (s.models || []).map((m) => `${m.name} ${m.version}`).join(', ');
      const parts = [`covseg ${s.version || '?'}`];
      if (s.numerics) parts.push(`numerics ${s.numerics}`);
      if (models) parts.push(`models: ${models}`);
      if (s.workers) parts.push(`${s.workers} worker${s.workers === 1 ? '' : 's'}`);
      setText($('server-info'), parts.join(' · '));
      if (s.max_upload_bytes) {
        maxUploadBytes = s.max_upload_bytes;
        setText($('upload-limits'), ` Up to ${fmtBytes(s.max_upload_bytes)} per upload.`);
      }
    } catch (e) {
      if (e.status !== 401) setText($('server-info'), `Server information unavailable: ${e.message}`);
    }
  }

  /* ------------------------------------------------------------------ upload */

  let selectedFiles = [];
  let uploadXhr = null;
  let maxUploadBytes = 0; // from GET /server; 0 = unknown

  function uploadStatus(text, kind, link) {
    const s = $('upload-status');
    s.textContent = text;
    s.dataset.kind = kind || '';
    if (link) {
      s.append(' ', el('a', { href: link.href, text: link.text }));
    }
  }

  function setFiles(files) {
    selectedFiles = Array.from(files || []);
    const sum = $('file-summary');
    if (!selectedFiles.length) {
      sum.textContent = '';
      return;
    }
    const total = selectedFiles.reduce((a, f) => a + f.size, 0);
    const names = selectedFiles.slice(0, 4).map((f) => f.name).join(', ');
    const more = selectedFiles.length > 4 ? ` and ${selectedFiles.length - 4} more` : '';
    sum.textContent = `${selectedFiles.length === 1 ? '1 file' : selectedFiles.length + ' files'} ready (${fmtBytes(total)}): ${names}${more}.`;
    if ($('upload-status').dataset.kind === 'error') uploadStatus('', '');
  }

  function initUpload() {
    const input = $('file-input');
    const zone = $('drop-zone');
    input.addEventListener('change', () => setFiles(input.files));

    let depth = 0;
    zone.addEventListener('dragenter', (e) => {
      e.preventDefault();
      depth++;
      zone.classList.add('dragging');
    });
    zone.addEventListener('dragover', (e) => {
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    });
    zone.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (!depth) zone.classList.remove('dragging');
    });
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      depth = 0;
      zone.classList.remove('dragging');
      const files = e.dataTransfer && e.dataTransfer.files;
      if (!files || !files.length) return;
      try { input.files = files; } catch (err) { /* older browsers: keep our own list */ }
      setFiles(files);
      $('upload-button').focus();
    });
    // A file dropped beside the zone must not make the browser leave the page.
    window.addEventListener('dragover', (e) => e.preventDefault());
    window.addEventListener('drop', (e) => {
      if (!zone.contains(e.target)) e.preventDefault();
    });

    $('upload-form').addEventListener('submit', (e) => {
      e.preventDefault();
      upload();
    });
    $('upload-cancel').addEventListener('click', () => {
      if (uploadXhr) uploadXhr.abort();
    });
  }

  function uploadForm() {
    const fd = new FormData();
    for (const f of selectedFiles) fd.append('files', f, f.name);
    const text = (id, name) => {
      const v = $(id).value.trim();
      if (v !== '') fd.append(name, v);
    };
    const flag = (id, name) => fd.append(name, $(id).checked ? 'true' : 'false');
    text('opt-threshold', 'threshold');
    flag('opt-classes', 'classes');
    flag('opt-detection', 'detection');
    flag('opt-pdf', 'pdf');
    text('opt-series', 'series');
    text('opt-pixel-mm', 'pixel_mm');
    fd.append('orientation', $('opt-orientation').value);
    flag('opt-cropped', 'cropped_to_lungs');
    flag('opt-rewindow', 'rewindow');
    for (const kind of ['infection', 'lung', 'reference']) {
      const input = $(`opt-${kind}-mask`);
      if (input && input.files && input.files.length) {
        fd.append(`${kind}_mask`, input.files[0], input.files[0].name);
        fd.append(`${kind}_labels`, $(`opt-${kind}-labels`).value);
      }
    }
    return fd;
  }

  function uploadBusy(busy) {
    $('upload-button').disabled = busy;
    $('upload-cancel').hidden = !busy;
    // the bar stays in view after an upload (at 100% when it got through), until the next one
    if (busy) $('upload-progress').hidden = false;
  }

  function retryText(header) {
    if (!header) return '';
    let secs = Number(header);
    if (!Number.isFinite(secs)) {
      const when = Date.parse(header);
      if (Number.isNaN(when)) return ` Retry after ${header}.`;
      secs = Math.max(0, Math.round((when - Date.now()) / 1000));
    }
    const at = new Date(Date.now() + secs * 1000).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    return ` (retry in ${fmtSeconds(secs)}, after ${at})`;
  }

  function upload() {
    if (uploadXhr) return;
    if (!selectedFiles.length) {
      uploadStatus('Choose or drop the study\u2019s files first.', 'error');
      $('file-input').focus();
      return;
    }
    const token = readToken();
    if (!token) {
      needToken();
      return;
    }
    const files = selectedFiles;
    const total = files.reduce((a, f) => a + f.size, 0);
    if (maxUploadBytes > 0 && total > maxUploadBytes) {
      // A server may answer 413 before it has read the body and close the connection, which the browser then
      // reports as a lost connection; say it here instead.
      uploadStatus(`The files add up to ${fmtBytes(total)}; this server accepts at most ${fmtBytes(maxUploadBytes)} per upload.`, 'error');
      return;
    }
    const label = files.length === 1 ? files[0].name : `${files.length} files`;
    const xhr = new XMLHttpRequest();
    uploadXhr = xhr;
    const bar = $('upload-progress');
    bar.max = 100;
    bar.value = 0;
    uploadBusy(true);
    uploadStatus(`Uploading ${label} (${fmtBytes(total)})\u2026`, 'busy');

    xhr.upload.addEventListener('progress', (e) => {
      if (!e.lengthComputable) {
        bar.removeAttribute('value');
        return;
      }
      const pct = Math.floor((100 * e.loaded) / e.total);
      bar.value = pct;
      setText($('upload-percent'), `${pct}%`);
    });
    xhr.upload.addEventListener('load', () => {
      bar.value = 100;
      setText($('upload-percent'), '100%');
      uploadStatus(`Uploaded ${label}; covseg serve is checking it\u2026`, 'busy');
    });
    xhr.addEventListener('load', () => {
      uploadXhr = null;
      uploadBusy(false);
      const body = xhr.responseText;
      if (xhr.status === 202 || xhr.status === 200 || xhr.status === 201) {
        let job = null;
        try { job = JSON.parse(body); } catch (e) { /* below */ }
        if (!job || !job.id) {
          uploadStatus('The server accepted the upload but its answer was unreadable; see the list below.', 'error');
          refreshList();
          return;
        }
        uploadStatus(`Uploaded ${job.name || label}; it is ${job.state || 'queued'} for analysis.`, 'ok',
          { href: `#/jobs/${encodeURIComponent(job.id)}`, text: 'Open the study' });
        $('upload-form').querySelector('#file-input').value = '';
        setFiles([]);
        jobArrived(job);
        return;
      }
      const msg = errorLine(xhr.status, xhr.statusText, body, xhr.getResponseHeader('Content-Type'));
      if (xhr.status === 401) {
        uploadStatus(msg, 'error');
        needToken(msg);
        return;
      }
      const retry = xhr.status === 429 ? retryText(xhr.getResponseHeader('Retry-After')) : '';
      uploadStatus(msg + retry, 'error');
    });
    xhr.addEventListener('error', () => {
      uploadXhr = null;
      uploadBusy(false);
      setText($('upload-percent'), '');
      uploadStatus('Upload failed: the connection to covseg serve was lost.', 'error');
    });
    xhr.addEventListener('abort', () => {
      uploadXhr = null;
      uploadBusy(false);
      setText($('upload-percent'), '');
      uploadStatus('Upload cancelled.', '');
    });
    xhr.open('POST', API + '/jobs');
    xhr.setRequestHeader('Authorization', 'Bearer ' + token);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.send(uploadForm());
  }

  /* ------------------------------------------------------------------ the list of jobs */

  const jobs = new Map(); // id -> last Job seen
  const rows = new Map(); // id -> <tr>
  let listLoaded = false;

  function showList() {
    leaveStudy();
    showOnly('list');
    document.title = 'covseg: studies';
    focusHeading('upload-heading');
    refreshList();
    startPoll(refreshList);
  }

  async function refreshList() {
    try {
      const data = await api('/jobs');
      if (currentView !== 'list') return;
      renderJobs((data && data.jobs) || []);
      if ($('jobs-status').dataset.kind === 'error') {
        setText($('jobs-status'), '');
        $('jobs-status').dataset.kind = '';
      }
    } catch (e) {
      if (e.status !== 401 && currentView === 'list') {
        setText($('jobs-status'), `Cannot refresh the list: ${e.message}`);
        $('jobs-status').dataset.kind = 'error';
      }
    }
  }

  /** A job the upload just created: list it at once, and follow it. */
  function jobArrived(job) {
    if (currentView !== 'list') return;
    const list = [job, ...[...jobs.values()].filter((j) => j.id !== job.id)];
    renderJobs(list);
    refreshList();
  }

  function renderJobs(list) {
    const body = $('jobs-body');
    const seen = new Set();
    list.forEach((job, i) => {
      seen.add(job.id);
      const prev = jobs.get(job.id);
      const use = newer(prev, job) ? job : prev;
      const tr = rows.get(job.id) || createRow(use);
      updateRow(tr, use, prev);
      if (body.children[i] !== tr) body.insertBefore(tr, body.children[i] || null);
    });
    for (const [id, tr] of rows) {
      if (!seen.has(id)) {
        tr.remove();
        rows.delete(id);
        jobs.delete(id);
        unfollow(id);
      }
    }
    $('jobs-empty').hidden = list.length > 0;
    $('jobs').hidden = list.length === 0;
    listLoaded = true;
    syncStreams();
  }

  function onListEvent(job) {
    if (currentView !== 'list') return;
    const tr = rows.get(job.id);
    if (!tr) return;
    const prev = jobs.get(job.id);
    if (!newer(prev, job)) return;
    updateRow(tr, job, prev);
  }

  /** Follows the active jobs (running first) by SSE, at most a few at once; the poll covers the rest. */
  function syncStreams() {
    const active = [...jobs.values()].filter((j) => !FINAL.has(j.state))
      .sort((a, b) => (RANK[b.state] - RANK[a.state]));
    const wanted = new Set(active.slice(0, MAX_LIST_STREAMS).map((j) => j.id));
    for (const id of [...streams.keys()]) if (!wanted.has(id)) unfollow(id);
    for (const id of wanted) follow(id, onListEvent);
  }

  function createRow(job) {
    const link = el('a', { class: 'job-link', href: `#/jobs/${encodeURIComponent(job.id)}` });
    const del = el('button', { type: 'button', class: 'job-delete danger small', text: 'Delete' });
    del.addEventListener('click', () => deleteJob(jobs.get(job.id) || job));
    const bar = el('progress', { class: 'job-progress', max: '1', value: '0' });
    const tr = el('tr', { dataset: { jobId: job.id } },
      el('td', { class: 'job-name' }, link),
      el('td', { class: 'job-state' }),
      el('td', { class: 'job-progress-cell' }, bar, el('span', { class: 'job-progress-text' })),
      el('td', { class: 'job-created' }, el('time')),
      el('td', { class: 'job-result' }, el('span', { class: 'job-headline' }), el('span', { class: 'job-error' })),
      el('td', { class: 'job-actions' }, del));
    rows.set(job.id, tr);
    return tr;
  }

  function updateRow(tr, job, prev) {
    jobs.set(job.id, job);
    tr.dataset.state = job.state;
    const name = job.name || job.id;
    const link = tr.querySelector('.job-link');
    setText(link, name);
    link.title = `Open the study ${name}`;
    setText(tr.querySelector('.job-state'), job.state);

    const bar = tr.querySelector('.job-progress');
    const running = job.state === 'running';
    bar.hidden = !running;
    if (running) {
      if (job.slices_total > 0) {
        bar.max = job.slices_total;
        bar.value = job.slices_done;
      } else {
        bar.removeAttribute('value');
      }
      bar.setAttribute('aria-label', `${name}: ${progressText(job)}`);
    }
    let ptext = progressText(job);
    if (job.state === 'done' && job.run_seconds !== null && job.run_seconds !== undefined) {
      ptext = `took ${fmtSeconds(job.run_seconds)}`;
    }
    setText(tr.querySelector('.job-progress-text'), ptext);

    const time = tr.querySelector('time');
    if (time.getAttribute('datetime') !== (job.created || '')) {
      time.setAttribute('datetime', job.created || '');
      time.title = job.created ? new Date(job.created).toString() : '';
      setText(time, fmtTime(job.created));
    }
    setText(tr.querySelector('.job-headline'), job.state === 'done' ? (job.headline || '') : '');
    setText(tr.querySelector('.job-error'), job.state === 'failed' ? (job.error || 'failed') : '');
    tr.querySelector('.job-delete').setAttribute('aria-label', `Delete ${name}`);

    if (listLoaded && prev && prev.state !== job.state && FINAL.has(job.state)) {
      setText($('jobs-status'), `${name}: ${job.state}.`);
      $('jobs-status').dataset.kind = '';
    }
    if (FINAL.has(job.state)) unfollow(job.id);
  }

  async function deleteJob(job) {
    const name = job.name || job.id;
    const active = !FINAL.has(job.state);
    const question = `Delete the study \u201c${name}\u201d and all its files?`
      + (active ? ' Its analysis will be cancelled.' : '');
    if (!window.confirm(question)) return false;
    const status = currentView === 'study' ? $('study-message') : $('jobs-status');
    try {
      await api(`/jobs/${encodeURIComponent(job.id)}`, { method: 'DELETE' });
    } catch (e) {
      if (e.status === 401) return false;
      if (e.status !== 404) {
        setText(status, `Cannot delete ${name}: ${e.message}`);
        status.dataset.kind = 'error';
        return false;
      }
    }
    unfollow(job.id);
    jobs.delete(job.id);
    const tr = rows.get(job.id);
    if (tr) {
      const hadFocus = tr.contains(document.activeElement);
      tr.remove();
      rows.delete(job.id);
      if (hadFocus) {
        const h = $('jobs-heading');
        h.setAttribute('tabindex', '-1');
        h.focus();
      }
    }
    $('jobs-empty').hidden = rows.size > 0;
    $('jobs').hidden = rows.size === 0;
    setText($('jobs-status'), `Deleted ${name}.`);
    $('jobs-status').dataset.kind = '';
    return true;
  }

  /* ------------------------------------------------------------------ one study */

  let study = null; // { id, job, resultsShown, abort }

  function leaveStudy() {
    if (!study) return;
    if (study.abort) study.abort.abort();
    unfollow(study.id);
    study = null;
    viewerGeneration++;
    const frame = $('report-frame');
    if (frame.getAttribute('src') !== 'about:blank') frame.setAttribute('src', 'about:blank');
  }

  function resetStudyPage() {
    setText($('study-title'), 'Study');
    setText($('study-state'), '');
    $('study-live').dataset.state = '';
    $('study-progress-wrap').hidden = true;
    setText($('study-times'), '');
    $('study-error').hidden = true;
    $('study-error').textContent = '';
    $('study-wait').hidden = true;
    $('study-headline').hidden = true;
    setText($('study-headline'), '');
    setText($('study-message'), '');
    $('study-message').dataset.kind = '';
    $('study-result').hidden = true;
    $('viewer-panel').hidden = true;
    $('pictures-panel').hidden = true;
    $('report-panel').hidden = true;
    $('files-panel').hidden = true;
    $('study-files').textContent = '';
    $('study-pictures').textContent = '';
    $('study-delete').hidden = false;
    $('study-result').classList.remove('has-viewer', 'has-pictures');
    const canvas = $('viewer');
    canvas.dataset.viewerReady = 'false';
    canvas.dataset.overlays = '0';
    $('viewer-panel').classList.remove('viewer-failed');
    setText($('viewer-status'), '');
    setText($('viewer-location'), '');
  }

  async function showStudy(id) {
    const same = study && study.id === id;
    stopPoll();
    if (currentView === 'list') unfollowAll();
    if (!same) {
      leaveStudy();
      resetStudyPage();
      study = { id, job: null, resultsShown: false, abort: new AbortController() };
    }
    showOnly('study');
    focusHeading('study-title');
    const mine = study;
    if (!same) setText($('study-message'), 'Loading\u2026');
    try {
      const job = await api(`/jobs/${encodeURIComponent(id)}`, { signal: mine.abort.signal });
      if (study !== mine) return;
      setText($('study-message'), '');
      renderStudy(job);
    } catch (e) {
      if (study !== mine || e.name === 'AbortError' || e.status === 401) return;
      setText($('study-title'), e.status === 404 ? 'No such study' : 'Study');
      document.title = 'covseg: study';
      $('study-delete').hidden = e.status === 404;
      setText($('study-message'), e.status === 404 ? `${e.message} (it may have been deleted).`
        : `Cannot load the study: ${e.message}`);
      $('study-message').dataset.kind = 'error';
      if (e.status === 404) return;
    }
    if (study === mine && (!mine.job || !FINAL.has(mine.job.state))) {
      if (mine.job) follow(id, onStudyEvent);
      startPoll(pollStudy);
    }
  }

  function onStudyEvent(job) {
    if (study && job.id === study.id) renderStudy(job);
  }

  async function pollStudy() {
    const mine = study;
    if (!mine) return;
    try {
      const job = await api(`/jobs/${encodeURIComponent(mine.id)}`, { signal: mine.abort.signal });
      if (study !== mine) return;
      if ($('study-message').dataset.kind === 'error') {
        setText($('study-message'), '');
        $('study-message').dataset.kind = '';
      }
      renderStudy(job);
      if (!FINAL.has(job.state)) follow(mine.id, onStudyEvent);
    } catch (e) {
      if (study !== mine || e.name === 'AbortError' || e.status === 401) return;
      if (e.status === 404) {
        stopPoll();
        unfollow(mine.id);
        setText($('study-message'), `${e.message} (it was deleted).`);
      } else {
        setText($('study-message'), `Cannot refresh: ${e.message}`);
      }
      $('study-message').dataset.kind = 'error';
    }
  }

  function renderStudy(job) {
    if (!study || job.id !== study.id) return;
    if (!newer(study.job, job)) return;
    study.job = job;
    const name = job.name || job.id;
    setText($('study-title'), name);
    document.title = `${name}: covseg`;
    setText($('study-state'), job.state);
    $('study-live').dataset.state = job.state;

    const running = job.state === 'running';
    $('study-progress-wrap').hidden = !(running || job.state === 'queued');
    const bar = $('study-progress');
    if (running && job.slices_total > 0) {
      bar.max = job.slices_total;
      bar.value = job.slices_done;
    } else {
      bar.removeAttribute('value');
    }
    setText($('study-progress-text'), progressText(job));

    const times = [`uploaded ${fmtTime(job.created)}`];
    if (job.queued_seconds !== null && job.queued_seconds !== undefined && job.state !== 'queued') {
      times.push(`waited ${fmtSeconds(job.queued_seconds)}`);
    }
    if (job.run_seconds !== null && job.run_seconds !== undefined) times.push(`ran ${fmtSeconds(job.run_seconds)}`);
    setText($('study-times'), times.join(', '));

    const err = $('study-error');
    if (job.state === 'failed') {
      err.textContent = '';
      err.append(el('strong', { text: 'Analysis failed: ' }), el('span', { id: 'study-error-text', text: job.error || 'no reason given' }));
      err.hidden = false;
    } else {
      err.hidden = true;
    }
    $('study-wait').hidden = FINAL.has(job.state);
    const head = $('study-headline');
    head.hidden = !(job.state === 'done' && job.headline);
    setText(head, job.state === 'done' ? job.headline : '');

    if (FINAL.has(job.state)) {
      stopPoll();
      unfollow(job.id);
      if (!study.resultsShown) {
        study.resultsShown = true;
        renderResults(job);
      }
    }
  }

  function renderResults(job) {
    const files = job.files || [];
    const list = $('study-files');
    list.textContent = '';
    for (const f of files) {
      list.append(el('li', null,
        el('a', { href: fileUrl(job.id, f.name), download: f.name, text: f.name }),
        el('span', { class: 'muted', text: ` ${f.kind || ''}, ${fmtBytes(f.bytes)}` })));
    }
    $('files-panel').hidden = files.length === 0;
    if (job.state !== 'done') return;

    const result = $('study-result');
    result.hidden = false;
    const report = files.find((f) => f.name === 'report.html');
    if (report) {
      const url = fileUrl(job.id, report.name);
      $('report-frame').setAttribute('src', url);
      $('report-open').setAttribute('href', url);
      $('report-panel').hidden = false;
    }
    if (job.viewer && job.viewer.ct) {
      result.classList.add('has-viewer');
      $('viewer-panel').hidden = false;
      loadViewer(job);
    } else {
      const pictures = files.filter((f) => f.kind === 'picture');
      const box = $('study-pictures');
      box.textContent = '';
      for (const p of pictures) {
        const url = fileUrl(job.id, p.name);
        box.append(el('figure', null,
          el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' },
            el('img', { src: url, alt: `${p.name} of ${job.name || 'the study'}`, loading: 'lazy' })),
          el('figcaption', { text: p.name })));
      }
      if (pictures.length) {
        result.classList.add('has-pictures');
        $('pictures-panel').hidden = false;
      }
    }
  }

  /* ------------------------------------------------------------------ the viewer (NiiVue) */

  const LUNG_RANGE = { min: -1350, max: 150 };
  /* Overlays as label lookup tables: index = voxel value, alpha 0 = not drawn. */
  const OVERLAYS = {
    lungs: { label: 'Lungs', color: [84, 140, 214], factor: 0.45, values: { 1: 'right lung', 2: 'left lung' } },
    ggo: { label: 'Ground-glass opacity', color: [255, 221, 0], factor: 1, only: 1, values: { 1: 'ground-glass opacity', 2: 'consolidation' } },
    consolidation: { label: 'Consolidation', color: [230, 30, 40], factor: 1, only: 2, values: {} },
    infection: { label: 'Infection', color: [255, 128, 0], factor: 1, values: { 1: 'infection' } },
  };

  let nv = null;
  let viewerGeneration = 0;
  let viewerOverlays = []; // [{key, volumeIndex}]
  let viewerMasking = null; // [{index, all, inLungs}]: lesion overlays as loaded, and inside the lung mask only
  let currentView3 = 'axial';

  function lut(spec) {
    const [r, g, b] = spec.color;
    const idx = [0, 1, 2];
    const on = (i) => (i === 0 ? false : spec.only ? i === spec.only : true);
    return niivue.cmapper.makeLabelLut({
      R: idx.map((i) => (on(i) ? r : 0)),
      G: idx.map((i) => (on(i) ? g : 0)),
      B: idx.map((i) => (on(i) ? b : 0)),
      A: idx.map((i) => (on(i) ? 255 : 0)),
      I: idx,
    });
  }

  function niivueOk() {
    return typeof window.niivue === 'object' && window.niivue && typeof window.niivue.Niivue === 'function';
  }

  function webgl2() {
    try {
      return !!document.createElement('canvas').getContext('webgl2');
    } catch (e) {
      return false;
    }
  }

  async function ensureNiivue() {
    if (nv) return nv;
    const v = new niivue.Niivue({
      backColor: [0, 0, 0, 1],
      crosshairColor: [0.25, 0.85, 1, 0.55],
      crosshairWidth: 1,
      show3Dcrosshair: false,
      isColorbar: false,
      isOrientCube: false,
      dragAndDropEnabled: false,
      isRadiologicalConvention: true,
      multiplanarShowRender: niivue.SHOW_RENDER ? niivue.SHOW_RENDER.NEVER : 0,
      multiplanarForceRender: false,
      loadingText: '',
      logLevel: 'error',
      sliceType: niivue.SLICE_TYPE.AXIAL,
    });
    await v.attachToCanvas($('viewer'));
    v.onLocationChange = onLocation;
    v.onIntensityChange = (vol) => {
      if (v.volumes.length && vol === v.volumes[0]) showWindow(vol.cal_min, vol.cal_max);
    };
    nv = v;
    return v;
  }

  function niftiName(name, buffer) {
    if (/\.nii(\.gz)?$/i.test(name)) return name;
    const b = new Uint8Array(buffer, 0, 2);
    return name + (b[0] === 0x1f && b[1] === 0x8b ? '.nii.gz' : '.nii');
  }

  function viewerFailed(message) {
    const canvas = $('viewer');
    canvas.dataset.viewerReady = 'error';
    $('viewer-panel').classList.add('viewer-failed');
    setText($('viewer-status'), message);
    $('viewer-status').dataset.kind = 'error';
  }

  async function loadViewer(job) {
    const gen = ++viewerGeneration;
    const mine = study;
    const canvas = $('viewer');
    canvas.dataset.viewerReady = 'false';
    canvas.dataset.overlays = '0';
    $('viewer-status').dataset.kind = '';
    const v = job.viewer;

    const wanted = [{ key: 'ct', file: v.ct }, { key: 'lungs', file: v.lungs }];
    if (v.labels) {
      wanted.push({ key: 'ggo', file: v.labels }, { key: 'consolidation', file: v.labels });
    } else if (v.infection) {
      wanted.push({ key: 'infection', file: v.infection });
    }
    const present = wanted.filter((w) => w.file);
    buildOverlayControls(present.filter((w) => w.key !== 'ct').map((w) => w.key));

    if (!niivueOk()) {
      viewerFailed('The viewer could not start (vendor/niivue.umd.js did not load). The report and the files still work.');
      return;
    }
    if (!webgl2()) {
      viewerFailed('This browser cannot show the viewer (WebGL 2 is not available). The report and the files still work.');
      return;
    }

    const names = [...new Set(present.map((w) => w.file))];
    const sizes = new Map((job.files || []).map((f) => [f.name, f.bytes]));
    const total = names.reduce((a, n) => a + (sizes.get(n) || 0), 0);
    let got = 0;
    const showLoading = () => setText($('viewer-status'), total > 0
      ? `Loading the volumes\u2026 ${Math.min(100, Math.floor((100 * got) / total))}% of ${fmtBytes(total)}`
      : 'Loading the volumes\u2026');
    showLoading();
    let buffers;
    try {
      const signal = mine && mine.abort ? mine.abort.signal : undefined;
      const loaded = await Promise.all(names.map((n) => fetchBuffer(`${API}/jobs/${encodeURIComponent(job.id)}/files/${encodeURIComponent(n)}`,
        (k) => { got += k; if (gen === viewerGeneration) showLoading(); }, signal)));
      buffers = new Map(names.map((n, i) => [n, loaded[i]]));
    } catch (e) {
      if (gen !== viewerGeneration || e.name === 'AbortError' || e.status === 401) return;
      viewerFailed(`Cannot load the volumes: ${e.message}`);
      return;
    }
    if (gen !== viewerGeneration) return;
    setText($('viewer-status'), 'Preparing the viewer\u2026');

    try {
      const view = await ensureNiivue();
      const used = new Set();
      const list = present.map((w) => {
        let buf = buffers.get(w.file);
        if (used.has(w.file)) buf = buf.slice(0); // the same file twice (labels): give NiiVue its own copy
        used.add(w.file);
        return {
          url: buf,
          name: niftiName(w.file, buf),
          colormap: 'gray',
          opacity: 1,
          cal_min: w.key === 'ct' ? LUNG_RANGE.min : undefined,
          cal_max: w.key === 'ct' ? LUNG_RANGE.max : undefined,
        };
      });
      await view.loadVolumes(list);
      if (gen !== viewerGeneration) return;
      viewerOverlays = [];
      present.forEach((w, i) => {
        if (i === 0) return;
        const vol = view.volumes[i];
        vol.colormapLabel = lut(OVERLAYS[w.key]);
        viewerOverlays.push({ key: w.key, index: i });
      });
      const ct = view.volumes[0];
      ct.cal_min = LUNG_RANGE.min;
      ct.cal_max = LUNG_RANGE.max;
      showWindow(LUNG_RANGE.min, LUNG_RANGE.max);
      applyOverlayOpacity(false);
      viewerMasking = prepareLungMasking(view, present);
      applyLungMasking(false);
      view.updateGLVolume();
      setView(currentView3, false);
      goToLesions(view, present);
      canvas.dataset.overlays = String(view.volumes.length - 1);
      canvas.dataset.viewerReady = 'true';
      setText($('viewer-status'), '');
    } catch (e) {
      if (gen !== viewerGeneration) return;
      console.error('covseg: the viewer failed', e);
      viewerFailed(`The viewer could not show the volumes: ${e && e.message ? e.message : e}`);
    }
  }

  function buildOverlayControls(keys) {
    const box = $('overlay-toggles');
    box.textContent = '';
    for (const key of keys) {
      const spec = OVERLAYS[key];
      const id = `show-${key}`;
      const input = el('input', { type: 'checkbox', id, checked: true, dataset: { overlay: key } });
      input.addEventListener('change', () => applyOverlayOpacity(true));
      box.append(el('div', { class: 'check' }, input,
        el('label', { for: id },
          el('span', { class: 'swatch', style: `background: rgb(${spec.color.join(',')})`, 'aria-hidden': 'true' }),
          spec.label)));
    }
  }

  function applyOverlayOpacity(draw) {
    const pct = Number($('overlay-opacity').value);
    setText($('overlay-opacity-value'), `${pct}%`);
    if (!nv) return;
    for (const o of viewerOverlays) {
      const box = $(`show-${o.key}`);
      const on = !box || box.checked;
      const vol = nv.volumes[o.index];
      if (vol) vol.opacity = on ? (pct / 100) * OVERLAYS[o.key].factor : 0;
    }
    if (draw) nv.updateGLVolume();
  }

  /**
   * The lesion masks hold what the network found everywhere; the report scores only what lies inside the lung mask.
   * Both versions of each lesion overlay are kept so the checkbox can switch between them.
   */
  function prepareLungMasking(view, present) {
    const li = present.findIndex((w) => w.key === 'lungs');
    if (li < 1) return null;
    const lungs = view.volumes[li].img;
    const lesions = [];
    present.forEach((w, i) => {
      if (w.key === 'ct' || w.key === 'lungs') return;
      const img = view.volumes[i].img;
      if (!img || !lungs || img.length !== lungs.length) return;
      const inLungs = img.slice(0);
      for (let k = 0; k < inLungs.length; k++) if (!lungs[k]) inLungs[k] = 0;
      lesions.push({ index: i, all: img.slice(0), inLungs });
    });
    return lesions.length ? lesions : null;
  }

  function applyLungMasking(draw) {
    if (!nv || !viewerMasking) return;
    const only = $('only-in-lungs').checked;
    for (const l of viewerMasking) nv.volumes[l.index].img.set(only ? l.inLungs : l.all);
    if (draw) nv.updateGLVolume();
  }

  function showWindow(min, max) {
    if (!Number.isFinite(min) || !Number.isFinite(max)) return;
    $('window-level').value = String(Math.round((min + max) / 2));
    $('window-width').value = String(Math.round(max - min));
    setText($('window-range'), `${Math.round(min)} to ${Math.round(max)} HU`);
    for (const b of document.querySelectorAll('#preset-lung, #preset-mediastinum')) {
      const match = Math.round(min) === Number(b.dataset.min) && Math.round(max) === Number(b.dataset.max);
      b.setAttribute('aria-pressed', match ? 'true' : 'false');
    }
  }

  function applyWindow(min, max) {
    showWindow(min, max);
    if (!nv || !nv.volumes.length) return;
    nv.volumes[0].cal_min = min;
    nv.volumes[0].cal_max = max;
    nv.updateGLVolume();
  }

  function windowFromInputs() {
    const level = Number($('window-level').value);
    const width = Number($('window-width').value);
    if ($('window-level').value.trim() === '' || $('window-width').value.trim() === '') return;
    if (!Number.isFinite(level) || !Number.isFinite(width) || width <= 0) return;
    applyWindow(level - width / 2, level + width / 2);
  }

  const AXIS = { axial: 2, coronal: 1, sagittal: 0, multiplanar: 2 };

  function setView(name, focusCanvas) {
    currentView3 = name;
    for (const b of document.querySelectorAll('[data-view]')) {
      b.setAttribute('aria-pressed', b.dataset.view === name ? 'true' : 'false');
    }
    setText($('slice-label'), name === 'coronal' ? 'Coronal slice' : name === 'sagittal' ? 'Sagittal slice' : 'Axial slice');
    if (!nv) return;
    const T = niivue.SLICE_TYPE;
    const type = { axial: T.AXIAL, coronal: T.CORONAL, sagittal: T.SAGITTAL, multiplanar: T.MULTIPLANAR }[name];
    nv.setSliceType(type);
    syncSlider();
    if (focusCanvas) $('viewer').focus({ preventScroll: true });
  }

  function dimsRAS() {
    const v = nv && nv.volumes[0];
    return v && v.dimsRAS ? v.dimsRAS : null;
  }

  function syncSlider() {
    const dims = dimsRAS();
    const slider = $('slice-slider');
    if (!dims || !nv) return;
    const axis = AXIS[currentView3];
    const n = dims[axis + 1];
    const frac = nv.scene.crosshairPos[axis];
    const i = Math.min(n, Math.max(1, Math.floor(frac * n) + 1));
    slider.max = String(n);
    slider.value = String(i);
    setText($('slice-value'), `${i} / ${n}`);
  }

  function sliderMoved() {
    const dims = dimsRAS();
    if (!dims || !nv) return;
    const axis = AXIS[currentView3];
    const n = dims[axis + 1];
    const i = Number($('slice-slider').value);
    nv.scene.crosshairPos[axis] = (i - 0.5) / n;
    nv.createOnLocationChange(axis);
    nv.drawScene();
  }

  /** Puts the crosshair on the axial slice with the most lesion voxels, at their centre. */
  function goToLesions(view, present) {
    try {
      const idx = present.findIndex((w) => w.key === 'ggo' || w.key === 'infection');
      if (idx < 1) return;
      const vol = view.volumes[idx];
      const dims = vol.dimsRAS;
      const img = vol.img2RAS();
      const nx = dims[1];
      const ny = dims[2];
      const nz = dims[3];
      if (!img || img.length < nx * ny * nz) return;
      const perSlice = new Float64Array(nz);
      for (let z = 0; z < nz; z++) {
        let c = 0;
        const off = z * nx * ny;
        for (let k = 0; k < nx * ny; k++) if (img[off + k] > 0) c++;
        perSlice[z] = c;
      }
      let best = 0;
      for (let z = 1; z < nz; z++) if (perSlice[z] > perSlice[best]) best = z;
      if (!perSlice[best]) return;
      // the centre of the slice's lesion voxels, moved onto the lesion voxel nearest to it
      let sx = 0;
      let sy = 0;
      let c = 0;
      const off = best * nx * ny;
      for (let y = 0; y < ny; y++) {
        for (let x = 0; x < nx; x++) {
          if (img[off + y * nx + x] > 0) { sx += x; sy += y; c++; }
        }
      }
      const mx = sx / c;
      const my = sy / c;
      let bx = Math.round(mx);
      let by = Math.round(my);
      let bd = Infinity;
      for (let y = 0; y < ny; y++) {
        for (let x = 0; x < nx; x++) {
          if (img[off + y * nx + x] > 0) {
            const d = (x - mx) * (x - mx) + (y - my) * (y - my);
            if (d < bd) { bd = d; bx = x; by = y; }
          }
        }
      }
      view.scene.crosshairPos = view.vox2frac([bx, by, best]);
      view.createOnLocationChange();
      view.drawScene();
    } catch (e) {
      /* stay at the centre */
    } finally {
      syncSlider();
    }
  }

  function onLocation(data) {
    syncSlider();
    if (!data || !Array.isArray(data.values) || !data.values.length) return;
    const parts = [];
    const hu = data.values[0].value;
    if (Number.isFinite(hu)) parts.push(`${Math.round(hu)} HU`);
    const seen = new Set();
    for (const o of viewerOverlays) {
      const v = data.values[o.index];
      if (!v) continue;
      const word = OVERLAYS[o.key].values[Math.round(v.value)];
      if (word && !seen.has(word)) {
        seen.add(word);
        parts.push(word);
      }
    }
    if (Array.isArray(data.mm)) parts.push(`at ${data.mm.map((x) => Math.round(x)).join(', ')} mm`);
    setText($('viewer-location'), `Crosshair: ${parts.join(' \u00b7 ')}`);
  }

  function initViewerControls() {
    for (const b of document.querySelectorAll('[data-view]')) {
      b.addEventListener('click', () => setView(b.dataset.view, false));
    }
    $('overlay-opacity').addEventListener('input', () => applyOverlayOpacity(true));
    $('only-in-lungs').addEventListener('change', () => applyLungMasking(true));
    for (const id of ['preset-lung', 'preset-mediastinum']) {
      const b = $(id);
      b.addEventListener('click', () => applyWindow(Number(b.dataset.min), Number(b.dataset.max)));
    }
    for (const id of ['window-level', 'window-width']) {
      $(id).addEventListener('input', windowFromInputs);
      $(id).addEventListener('change', windowFromInputs);
    }
    $('slice-slider').addEventListener('input', sliderMoved);
    $('study-delete').addEventListener('click', async () => {
      if (!study) return;
      const job = study.job || { id: study.id, name: study.id, state: 'queued' };
      if (await deleteJob(job)) location.hash = '#/';
    });
    showWindow(LUNG_RANGE.min, LUNG_RANGE.max);
  }

  /* ------------------------------------------------------------------ start */

  function start() {
    takeTokenFromFragment();
    initToken();
    initUpload();
    initViewerControls();
    window.addEventListener('hashchange', () => {
      if (/(?:^#|[?&])token=/.test(location.hash)) takeTokenFromFragment();
      navigated = true;
      route();
    });
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && currentView === 'list') refreshList();
    });
    if (readToken()) loadServerInfo();
    route();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
