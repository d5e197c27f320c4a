// The watch page of /channels/<id>: the live stream while on air, the replay from its start once
// ended. Follows the channel's state by polling it. A private channel is there only for the viewers
// its broadcaster allowed (signed in) and for the holders of its share link (?share= on this page's
// address); to anyone else it is "not found", and an anonymous viewer is offered to sign in. For a
// private channel each fresh signature goes to the player before the last expires.
import { byId, fill, h, say, show } from './dom.js';
import { formatClock, formatDateTime, t } from './i18n.js';
import { Player } from './player.js';
import { api, signedIn } from './session.js';
import { avatar, ready } from './shell.js';

const id = decodeURIComponent(location.pathname.split('/')[2] || '');
// a private channel's share link carries its token; the API wants it with every request for the channel
const share = new URLSearchParams(location.search).get('share');
const shared = share ? `?share=${encodeURIComponent(share)}` : '';
const video = byId('player');
const unmute = byId('unmute');
unmute.textContent = t('player.unmute');
unmute.addEventListener('click', () => {
  video.muted = false;
  show(unmute, false);
});
video.addEventListener('volumechange', () => {
  if (!video.muted) show(unmute, false);
});

const player = new Player(video, {
  onBlockedSound: () => show(unmute, true),
  onTrouble: (trouble) => {
    if (current?.live) liveNotice(trouble);
  },
});

let current = null;
let replayDuration = null;

function message(text, { signIn = false } = {}) {
  // no controls over an empty player
  video.controls = !text || player.playing();
  show(byId('stage-message'), Boolean(text));
  say(byId('stage-text'), text);
  show(byId('stage-signin'), signIn);
}

/** Over a live stream: why it stalls while the encoder reconnects (expected, not an error), else the player's trouble. */
function liveNotice(trouble = false) {
  if (current.state === 'RECONNECTING') message(t('channel.reconnecting'));
  else message(trouble ? t('player.error') : null);
}

function describe(channel) {
  document.title = `${channel.title} · OnAir`;
  byId('title').textContent = channel.title;
  fill(byId('broadcaster'), avatar(channel.broadcaster?.avatarUrl, channel.broadcaster?.displayName, 36),
    h('span', { text: channel.broadcaster?.displayName ?? '' }));
  byId('description').textContent = channel.description ?? '';
  const badge = byId('state-badge');
  badge.textContent = t(`state.${channel.state}`);
  badge.className = `badge ${channel.live ? 'live' : channel.state.toLowerCase()}`;
  show(badge, true);
  let detail = '';
  if (channel.live && channel.startedAt) detail = t('channel.started', { when: formatDateTime(channel.startedAt) });
  else if (channel.state === 'ENDED' && replayDuration != null) detail = t('channel.replay', { duration: formatClock(replayDuration) });
  else if (channel.state === 'ENDED') detail = formatDateTime(channel.endedAt);
  byId('state-detail').textContent = detail;
}

async function replayOf(channel) {
  if (replayDuration != null) return;
  try {
    const replay = await api(`/api/channels/${encodeURIComponent(channel.id)}/replay${shared}`);
    replayDuration = replay.durationSeconds;
  } catch {
    // the channel view's replayUrl is what plays; the duration is a nicety
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function notFound(text = t('channel.notfound'), signIn = false) {
  player.destroy();
  show(video, false);
  message(text, { signIn });
  return 'gone';
}

async function update() {
  if (!UUID.test(id)) return notFound();
  let channel;
  try {
    channel = await api(`/api/channels/${encodeURIComponent(id)}${shared}`);
  } catch (error) {
    // a private channel the viewer may not see is "not found" too: say both, and (anonymous)
    // offer to sign in; the buttons are the shell's (the stage's [data-providers]), leading back here
    if (error.status === 404) return signedIn() ? notFound(t('channel.hidden.signedin')) : notFound(t('channel.hidden'), true);
    message(t('error.load'));
    return 'retry';
  }
  current = channel;
  if (channel.state === 'ENDED') await replayOf(channel);
  describe(channel);
  try {
    if (channel.live && channel.playbackUrl) {
      player.load(channel.playbackUrl);
      liveNotice();
      return 'live';
    }
    if (channel.state === 'ENDED' && channel.replayUrl) {
      player.load(channel.replayUrl, { fromStart: true });
      message(null);
      return 'replay';
    }
  } catch (unsupported) {
    message(t('player.unsupported'));
    return 'gone';
  }
  if (channel.state === 'ENDED') {
    player.destroy();
    message(channel.startedAt ? t('channel.replay.preparing') : t('channel.replay.none'));
    return channel.startedAt ? 'preparing' : 'gone';
  }
  message(t('channel.waiting'));
  return 'waiting';
}

/** How soon to look again: quickly while things change, slowly once only the signature needs renewing. */
const NEXT = { live: 5000, waiting: 3000, preparing: 3000, replay: 60000, retry: 5000, gone: 0 };

async function follow() {
  let outcome;
  try {
    outcome = await update();
  } catch (error) {
    // whatever went wrong this time, the page keeps following the channel
    console.warn('OnAir: channel', error);
    message(t('error.load'));
    outcome = 'retry';
  }
  const delay = NEXT[outcome];
  if (delay) setTimeout(follow, delay);
}

await ready;
await follow();
