// My page: the account and its login history (time, provider, device, IP, outcome), a page at a time.
import { byId, fill, h, say, show } from './dom.js';
import { formatDate, formatDateTime, t } from './i18n.js';
import { api } from './session.js';
import { avatar, ready } from './shell.js';
import { describeDevice } from './devices.js';

const SIZE = 20;
let page = 0;

function providerName(id) {
  return id === 'kakao' || id === 'google' ? t(`provider.${id}`) : id;
}

function cell(label, ...content) {
  return h('td', { 'data-label': label }, ...content);
}

async function showPage(number) {
  const labels = [...document.querySelectorAll('table.logins thead th')].map((th) => th.textContent);
  try {
    const logins = await api(`/api/me/logins?page=${number}&size=${SIZE}`);
    page = logins.page;
    fill(byId('logins-body'), logins.items.map((login) => h('tr', { class: login.outcome === 'SUCCESS' ? 'ok' : 'failed' },
      cell(labels[0], h('time', { datetime: login.at, text: formatDateTime(login.at) })),
      cell(labels[1], providerName(login.provider)),
      cell(labels[2], h('span', { title: login.device ?? '', text: describeDevice(login.device) })),
      cell(labels[3], login.ip ?? '–'),
      cell(labels[4], h('span', { class: `outcome ${login.outcome.toLowerCase()}`, text: t(`me.outcome.${login.outcome}`) }),
        login.reason ? h('span', { class: 'reason', text: ` (${login.reason})` }) : null))));
    const pages = Math.max(1, Math.ceil(logins.total / SIZE));
    byId('page-info').textContent = t('me.page', { page: page + 1, pages, total: logins.total });
    byId('page-previous').disabled = page === 0;
    byId('page-next').disabled = page + 1 >= pages;
    say(byId('logins-empty'), logins.total === 0 ? t('me.empty') : '');
    say(byId('me-error'), '');
  } catch (error) {
    say(byId('me-error'), t('error.generic', { detail: error.message }));
  }
}

byId('page-previous').addEventListener('click', () => showPage(Math.max(0, page - 1)));
byId('page-next').addEventListener('click', () => showPage(page + 1));

const account = await ready;
if (!account) {
  byId('me-signin-text').textContent = t('me.signin');
  show(byId('me-signin'), true);
} else {
  fill(byId('me-account'), avatar(account.avatarUrl, account.displayName, 64),
    h('div', {},
      h('p', { class: 'name', text: account.displayName }),
      account.email ? h('p', {}, `${t('me.email')}: `, account.email) : null,
      h('p', {}, `${t('me.since')}: `, formatDate(account.createdAt)),
      h('p', { class: 'account-id' }, `${t('me.account-id')}: `, h('code', { id: 'account-id', text: account.id }))));
  show(byId('me-account'), true);
  show(byId('me-logins'), true);
  await showPage(0);
}
