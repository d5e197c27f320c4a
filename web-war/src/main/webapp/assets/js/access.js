// The studio's "who may watch" of a private channel: its share link (made or renewed here and
// shown once, since OnAir keeps only its hash; withdrawn here) and the accounts allowed to watch
// (added by the account id their My page shows, withdrawn here). Everyone else finds no channel.
import { byId, fill, h, say, show } from './dom.js';
import { formatDateTime, t } from './i18n.js';
import { api } from './session.js';

let channelId = null;

function path(suffix = '') {
  return `/api/channels/${encodeURIComponent(channelId)}${suffix}`;
}

/** The action, with a failure said in the element statusId rather than lost. */
function guarded(statusId, action) {
  return async (...args) => {
    try {
      await action(...args);
    } catch (error) {
      say(byId(statusId), t('error.generic', { detail: error.message }));
    }
  };
}

async function loadShareLink() {
  byId('share-url').value = '';
  try {
    const link = await api(path('/share-link'));
    say(byId('share-status'), t('studio.share.made', { when: formatDateTime(link.createdAt) }));
    byId('share-make').textContent = t('studio.share.renew');
    show(byId('share-withdraw'), true);
  } catch (error) {
    if (error.status !== 404) throw error;
    say(byId('share-status'), t('studio.share.none'));
    byId('share-make').textContent = t('studio.share.make');
    show(byId('share-withdraw'), false);
  }
}

async function loadViewers() {
  const viewers = await api(path('/viewers'));
  fill(byId('viewers'), viewers.length === 0 ? h('li', { class: 'empty', text: t('studio.viewers.none') })
    : viewers.map((viewer) => h('li', {},
      h('span', { class: 'name', text: viewer.displayName }), ' ',
      h('code', { text: viewer.accountId }), ' ',
      h('button', {
        type: 'button', class: 'secondary small', text: t('studio.viewers.withdraw'),
        'aria-label': t('studio.viewers.withdraw.named', { name: viewer.displayName }),
        onclick: guarded('viewer-accountId-error', () => withdraw(viewer.accountId)),
      }))));
}

async function withdraw(accountId) {
  await api(path(`/viewers/${encodeURIComponent(accountId)}`), { method: 'DELETE' });
  await loadViewers();
}

byId('share-make').addEventListener('click', guarded('share-status', async () => {
  const link = await api(path('/share-link'), { method: 'POST' });
  await loadShareLink();
  // the link itself only now: OnAir keeps its hash
  byId('share-url').value = link.url;
  say(byId('share-status'), t('studio.share.shown'));
}));

byId('share-withdraw').addEventListener('click', guarded('share-status', async () => {
  await api(path('/share-link'), { method: 'DELETE' });
  await loadShareLink();
}));

byId('viewer-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const field = byId('viewer-accountId');
  say(byId('viewer-accountId-error'), '');
  try {
    await api(path('/viewers'), { method: 'POST', body: { accountId: field.value.trim() } });
    field.value = '';
    await loadViewers();
  } catch (error) {
    const message = error.errors?.find((e) => e.field === 'accountId')?.message;
    say(byId('viewer-accountId-error'), message ? t('studio.viewers.refused') : t('error.generic', { detail: error.message }));
  }
});

/** Shows the section for a private channel (loading it once per channel), hides it otherwise. */
export async function followAccess(channel) {
  const isPrivate = channel?.visibility === 'PRIVATE' && channel.state !== 'ENDED';
  show(byId('private-access'), isPrivate);
  if (!isPrivate || channel.id === channelId) return;
  channelId = channel.id;
  await Promise.all([loadShareLink(), loadViewers()]);
}
