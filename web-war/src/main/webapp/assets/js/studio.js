// The studio: the broadcaster's unfinished channel (or the form that opens one), the two OBS
// fields, live status with the encoder's figures, a preview, the title, and the end. Polls the
// channel and its health every 2 s while the page is open.
import { byId, fill, h, say, show } from './dom.js';
import { formatBitrate, formatClock, formatNumber, t } from './i18n.js';
import { Player } from './player.js';
import { api } from './session.js';
import { ready } from './shell.js';
import { followAccess } from './access.js';

const POLL_MS = 2000;

let channel = null;
let timer = null;
// bumped by each change this page makes (the title, the end): a poll that went out before one
// brings back an older channel and is dropped
let writes = 0;
// the title this page last put into the edit field: a different value there is the broadcaster's
// unsaved edit, which a poll leaves alone
let shownTitle = null;
const preview = new Player(byId('preview'));

function notice(text) {
  say(byId('studio-notice'), text);
}

function fieldErrors(error, prefix) {
  for (const element of document.querySelectorAll(`[id^="${prefix}-"][id$="-error"]`)) say(element, '');
  for (const { field, message } of error.errors ?? []) {
    const element = byId(`${prefix}-${field}-error`);
    if (element) say(element, message);
  }
  return (error.errors ?? []).some(({ field }) => byId(`${prefix}-${field}-error`));
}

const VIEWS = { new: ['new-channel', 'new-heading'], channel: ['channel-panel', 'status-heading'], ended: ['ended-panel', 'ended-heading'] };

/**
 * One of the three views: the form, the channel, or the ended channel. A keyboard user whose focus
 * was in the view going away goes on from the heading of the one coming.
 */
function view(name) {
  const focus = document.activeElement;
  const lost = Object.entries(VIEWS).some(([other, [panel]]) => other !== name && byId(panel).contains(focus));
  for (const [other, [panel]] of Object.entries(VIEWS)) show(byId(panel), other === name);
  if (lost) byId(VIEWS[name][1]).focus();
}

// --- opening a channel ---------------------------------------------------------------------

byId('new-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const submit = byId('new-submit');
  submit.disabled = true;
  say(byId('new-error'), '');
  try {
    const description = byId('new-description').value.trim();
    const opened = await api('/api/studio/channels', {
      method: 'POST',
      body: { title: byId('new-title').value, description: description || undefined, visibility: form.elements.visibility.value },
    });
    form.reset();
    await enter(opened);
  } catch (error) {
    if (error.type === 'open-channel-exists') {
      notice(t('studio.exists'));
      await load();
    } else if (!fieldErrors(error, 'new')) {
      say(byId('new-error'), t('error.generic', { detail: error.message }));
    }
  } finally {
    submit.disabled = false;
  }
});

// --- the OBS fields ------------------------------------------------------------------------

async function loadStreamKey(path = '/api/studio/stream-key', method = 'GET') {
  const settings = await api(path, { method });
  // RTMPS first: OBS takes either, and over TLS the key never crosses the network in the clear
  byId('obs-server-secure').value = settings.secureServerUrl ?? '';
  show(byId('obs-secure'), Boolean(settings.secureServerUrl));
  byId('obs-server-label').textContent = settings.secureServerUrl ? t('studio.obs.server.plain') : t('studio.obs.server');
  byId('obs-server').value = settings.serverUrl;
  byId('obs-key').value = settings.streamKey;
}

byId('reveal-key').addEventListener('click', (event) => {
  const key = byId('obs-key');
  const reveal = key.type === 'password';
  key.type = reveal ? 'text' : 'password';
  event.currentTarget.textContent = reveal ? t('studio.key.hide') : t('studio.key.show');
  event.currentTarget.setAttribute('aria-pressed', String(reveal));
});

for (const button of document.querySelectorAll('[data-copy]')) {
  button.addEventListener('click', async () => {
    const field = byId(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(field.value);
      say(byId('copy-status'), t('studio.copied'));
    } catch {
      // no clipboard API (an http address other than localhost): the selection is the fallback
      const type = field.type;
      field.type = 'text';
      field.select();
      const copied = document.execCommand?.('copy');
      field.type = type;
      say(byId('copy-status'), copied ? t('studio.copied') : t('studio.copy.failed'));
    }
    setTimeout(() => say(byId('copy-status'), ''), 3000);
  });
}

/** Asks in a modal dialog; resolves true when confirmed. */
function confirmed(text, okLabel) {
  const dialog = byId('confirm-dialog');
  byId('confirm-text').textContent = text;
  byId('confirm-ok').textContent = okLabel;
  dialog.returnValue = '';
  dialog.showModal();
  byId('confirm-cancel').focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
  });
}

byId('rotate-key').addEventListener('click', async () => {
  if (!(await confirmed(t('studio.rotate.confirm'), t('studio.rotate.ok')))) return;
  try {
    await loadStreamKey('/api/studio/stream-key/rotation', 'POST');
    say(byId('copy-status'), t('studio.rotated'));
  } catch (error) {
    notice(t('error.generic', { detail: error.message }));
  }
});

// --- title and end -------------------------------------------------------------------------

byId('title-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  say(byId('title-status'), '');
  const field = byId('edit-title');
  const sent = field.value;
  writes += 1;
  try {
    channel = await api(`/api/channels/${encodeURIComponent(channel.id)}`, {
      method: 'PATCH', body: { title: sent },
    });
    // saved: the field shows the title as stored, unless the broadcaster typed on meanwhile
    if (field.value === sent) shownTitle = field.value;
    fieldErrors({ errors: [] }, 'edit');
    say(byId('title-status'), t('studio.saved'));
    render();
  } catch (error) {
    if (!fieldErrors(error, 'edit')) say(byId('title-status'), t('error.generic', { detail: error.message }));
  }
});

byId('end-broadcast').addEventListener('click', async () => {
  if (!(await confirmed(t('studio.end.confirm'), t('studio.end.ok')))) return;
  writes += 1;
  try {
    channel = await api(`/api/channels/${encodeURIComponent(channel.id)}/end`, { method: 'POST' });
  } catch (error) {
    if (error.type !== 'illegal-transition') {
      notice(t('error.generic', { detail: error.message }));
      return;
    }
    channel = await api(`/api/channels/${encodeURIComponent(channel.id)}`);
  }
  render();
});

byId('ended-new').addEventListener('click', () => {
  channel = null;
  preview.destroy();
  view('new');
  byId('new-title').focus();
});

// --- status --------------------------------------------------------------------------------

function figure(label, value) {
  return [h('dt', { text: label }), h('dd', { text: value })];
}

function renderHealth(health) {
  const figures = byId('figures');
  if (!health || channel.state !== 'LIVE') {
    show(figures, false);
    return;
  }
  let text = t('studio.status.live');
  if (health.verdict === 'MEASURING') text = t('studio.status.measuring');
  if (health.verdict === 'STARVING') text = t('studio.status.starving');
  byId('status-text').textContent = text;
  const resolution = health.width && health.height ? `${health.width}×${health.height}` : '–';
  const codecs = [health.videoCodec, health.audioCodec].filter(Boolean).join(' / ') || '–';
  fill(figures,
    figure(t('studio.figure.bitrate'), formatBitrate(health.bitrate)),
    figure(t('studio.figure.framerate'), health.frameRate ? t('studio.fps', { fps: formatNumber(health.frameRate) }) : '–'),
    figure(t('studio.figure.resolution'), resolution),
    figure(t('studio.figure.codecs'), codecs),
    figure(t('studio.figure.since'), channel.startedAt ? formatClock((Date.now() - new Date(channel.startedAt)) / 1000) : '–'),
    health.delivery ? figure(t('studio.figure.delivery'), t('studio.seconds', { seconds: formatNumber(health.delivery.lagSeconds) })) : null);
  figures.dataset.verdict = health.verdict;
  show(figures, true);
}

function render() {
  if (channel.state === 'ENDED') {
    preview.destroy();
    byId('ended-title').textContent = channel.title;
    byId('ended-reason').textContent = channel.endReason ? t(`studio.ended.${channel.endReason}`) : '';
    byId('ended-replay').href = `/channels/${encodeURIComponent(channel.id)}`;
    view('ended');
    return;
  }
  view('channel');
  const badge = byId('status-badge');
  badge.textContent = t(`state.${channel.state}`);
  badge.className = `badge ${channel.live ? 'live' : channel.state.toLowerCase()}`;
  byId('status-line').dataset.state = channel.state;
  const waiting = { CREATED: 'studio.status.waiting', RECONNECTING: 'studio.status.reconnecting' }[channel.state];
  if (waiting) {
    byId('status-text').textContent = t(waiting);
    show(byId('figures'), false);
  }
  const titleField = byId('edit-title');
  if (shownTitle === null || titleField.value === shownTitle) {
    titleField.value = channel.title;
    shownTitle = channel.title;
  }
  byId('visibility').textContent = t(`studio.visibility.${channel.visibility}`);
  followAccess(channel).catch((error) => notice(t('error.generic', { detail: error.message })));
  byId('watch-link').href = `/channels/${encodeURIComponent(channel.id)}`;
  if (channel.live && channel.playbackUrl) {
    try {
      preview.load(channel.playbackUrl);
      show(byId('preview-empty'), false);
    } catch {
      // a browser without HLS: the status and figures still tell the broadcaster all
    }
  } else if (!channel.live) {
    preview.destroy();
    show(byId('preview-empty'), true);
  }
  // no controls over an empty preview
  byId('preview').controls = preview.playing();
}

async function poll() {
  clearTimeout(timer);
  if (!channel || channel.state === 'ENDED') return;
  const asked = writes;
  try {
    const seen = await api(`/api/channels/${encodeURIComponent(channel.id)}`);
    if (asked === writes) {
      channel = seen;
      render();
      if (channel.state === 'LIVE') renderHealth(await api(`/api/channels/${encodeURIComponent(channel.id)}/health`));
    }
    if (byId('studio-notice').textContent === t('error.load')) notice('');
  } catch (error) {
    console.warn('OnAir: studio', error);
    notice(t('error.load'));
  }
  if (channel && channel.state !== 'ENDED') timer = setTimeout(poll, POLL_MS);
}

async function enter(opened) {
  channel = opened;
  shownTitle = null;
  render();
  await loadStreamKey();
  await poll();
}

/** Back to the unfinished channel, or the form. */
async function load() {
  try {
    await enter(await api('/api/studio'));
  } catch (error) {
    if (error.status !== 404) throw error;
    channel = null;
    view('new');
  }
}

const account = await ready;
if (!account) {
  show(byId('studio-signin'), true);
} else {
  try {
    await load();
  } catch (error) {
    notice(t('error.generic', { detail: error.message }));
  }
}
