// A channel as a card of the home page: thumbnail, LIVE badge and time on air, title, broadcaster.
import { h, safeUrl } from './dom.js';
import { formatAgo, formatClock, t } from './i18n.js';
import { avatar } from './shell.js';

/** The thumbnail URL, refreshed every 30 s for a live public channel (a signed URL stays as signed). */
function thumbnail(channel, now) {
  const url = safeUrl(channel.thumbnailUrl);
  if (!url || !channel.live || url.includes('?')) return url;
  return `${url}?v=${Math.floor(now / 30000)}`;
}

export function liveFor(channel, now = Date.now()) {
  return channel.startedAt ? formatClock((now - new Date(channel.startedAt).getTime()) / 1000) : '';
}

export function card(channel, now = Date.now()) {
  const src = thumbnail(channel, now);
  const status = channel.live
    ? h('span', { class: 'on-air' },
      h('span', { class: 'badge live', text: channel.state === 'RECONNECTING' ? t('live.reconnecting') : t('live.badge') }),
      h('span', { class: 'live-for', 'data-started': channel.startedAt, text: t('live.for', { duration: liveFor(channel, now) }) }))
    : h('span', { class: 'ended-at', text: t('replay.ended', { when: formatAgo(channel.endedAt, now) }) });
  return h('li', { class: 'card', 'data-channel': channel.id },
    h('a', { href: `/channels/${encodeURIComponent(channel.id)}`, class: 'card-link' },
      h('span', { class: 'thumb' },
        src ? h('img', { src, alt: t('thumbnail.alt', { title: channel.title }), loading: 'lazy', width: 320, height: 180 })
          : h('span', { class: 'thumb-empty', 'aria-hidden': 'true' }),
        channel.visibility === 'PRIVATE' ? h('span', { class: 'badge private', text: t('private') }) : null),
      h('span', { class: 'card-body' },
        status,
        h('span', { class: 'card-title', text: channel.title }),
        h('span', { class: 'card-broadcaster' }, avatar(channel.broadcaster?.avatarUrl, channel.broadcaster?.displayName, 24),
          h('span', { text: channel.broadcaster?.displayName ?? '' })))));
}
