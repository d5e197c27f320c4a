// What every page shares: the account corner of the header (sign-in dialog, or the signed-in
// person with studio, my page and sign-out) and the providers' sign-in buttons.
import { byId, fill, h, safeUrl } from './dom.js';
import { t } from './i18n.js';
import { currentAccount, loginUrl, signOut, start } from './session.js';

let providers = null;

async function providerIds() {
  providers ??= fetch('/api/auth/providers', { headers: { Accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : { providers: [] }))
    .then((body) => body.providers ?? [])
    .catch(() => []);
  return providers;
}

/**
 * One sign-in button in the provider's own style (Kakao yellow, Google white with the G). "local"
 * is the development provider `./onair run` starts on loopback: its button says so, and its
 * tooltip says that only a browser on the same machine can use it.
 */
function providerButton(id) {
  const known = id === 'kakao' || id === 'google';
  const local = id === 'local';
  const label = known || local ? t(`signin.${id}`) : t('signin.other', { name: id.charAt(0).toUpperCase() + id.slice(1) });
  return h('a', {
    class: `signin-button ${known ? id : local ? 'local' : 'other'}`, href: loginUrl(id), 'data-provider': id,
    title: local ? t('signin.local.title') : undefined,
  },
  known ? h('img', { src: `/assets/img/${id}.svg`, alt: '', width: 20, height: 20 }) : null,
  h('span', { text: label }));
}

/** Fills every [data-providers] element of the page with the sign-in buttons: Kakao and Google first. */
async function renderProviders() {
  const ids = await providerIds();
  const ordered = [...ids].sort((a, b) => rank(a) - rank(b));
  for (const target of document.querySelectorAll('[data-providers]')) {
    fill(target, ordered.length ? ordered.map(providerButton) : h('p', { text: t('signin.unavailable') }));
  }
}

function rank(id) {
  return id === 'kakao' ? 0 : id === 'google' ? 1 : id === 'local' ? 3 : 2;
}

/** The person's picture, or their initial when there is none or it does not load. */
export function avatar(url, name, size = 32) {
  const initial = () => h('span', { class: 'avatar placeholder', 'aria-hidden': 'true', text: (name || '?').trim().charAt(0).toUpperCase() });
  const src = safeUrl(url);
  if (!src) return initial();
  const image = h('img', {
    class: 'avatar', src, alt: t('avatar.alt', { name: name || '' }), width: size, height: size,
    referrerpolicy: 'no-referrer', loading: 'lazy',
  });
  image.addEventListener('error', () => image.replaceWith(initial()), { once: true });
  return image;
}

function renderAccount(account) {
  const nav = byId('account');
  if (!nav) return;
  if (!account) {
    const dialog = byId('signin-dialog');
    fill(nav, h('button', {
      type: 'button', class: 'primary', id: 'signin-open', text: t('signin.button'),
      onclick: () => dialog.showModal(),
    }));
    return;
  }
  fill(nav,
    h('a', { href: '/studio', class: 'nav-link', text: t('nav.studio') }),
    h('a', { href: '/me', class: 'nav-link me-link' }, avatar(account.avatarUrl, account.displayName, 28),
      h('span', { class: 'name', text: account.displayName })),
    h('button', { type: 'button', class: 'secondary', id: 'signout', text: t('signout'), onclick: () => signOut() }));
}

/** Starts the session and draws the header; resolves to the account or null. */
export const ready = (async () => {
  const account = await start();
  renderAccount(account);
  await renderProviders();
  return currentAccount();
})();
