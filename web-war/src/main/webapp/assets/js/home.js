// Home: what is live now (the most recently started first), then recent replays. Polls the API
// while the page is visible, so channels come and go without a reload.
import { byId, fill, say, show } from './dom.js';
import { t } from './i18n.js';
import { api } from './session.js';
import { ready } from './shell.js';
import { card, liveFor } from './cards.js';

const POLL_MS = 10_000;

async function refresh() {
  try {
    const [live, ended] = await Promise.all([
      api('/api/channels?state=LIVE&size=48'),
      api('/api/channels?state=ENDED&size=12'),
    ]);
    const now = Date.now();
    fill(byId('live-list'), live.items.map((channel) => card(channel, now)));
    show(byId('live-empty'), live.items.length === 0);
    // a broadcast that never went on air leaves no replay
    const replays = ended.items.filter((channel) => channel.startedAt);
    fill(byId('replays-list'), replays.map((channel) => card(channel, now)));
    show(byId('replays-empty'), replays.length === 0);
    say(byId('home-error'), '');
  } catch (error) {
    console.warn('OnAir: home', error);
    say(byId('home-error'), t('error.load'));
  }
}

/** The "live for" clocks tick every second between polls. */
function tick() {
  const now = Date.now();
  for (const clock of document.querySelectorAll('.live-for[data-started]')) {
    clock.textContent = t('live.for', { duration: liveFor({ startedAt: clock.dataset.started }, now) });
  }
}

let timer = null;

function schedule() {
  clearTimeout(timer);
  if (document.visibilityState === 'visible') {
    timer = setTimeout(async () => {
      await refresh();
      schedule();
    }, POLL_MS);
  }
}

document.addEventListener('visibilitychange', async () => {
  if (document.visibilityState === 'visible') {
    await refresh();
  }
  schedule();
});

await ready;
await refresh();
schedule();
setInterval(tick, 1000);
