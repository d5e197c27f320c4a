// The scripts' messages, in the language the server rendered the page in: a JSON data block of
// the page (the js.* keys of messages_<lang>.properties), so that the CSP allows no inline script.

const messages = JSON.parse(document.getElementById('onair-messages')?.textContent || '{}');

export const lang = document.documentElement.lang || 'ko';

/** The message for a key with {name} placeholders filled in. */
export function t(key, values = {}) {
  const message = messages[key];
  if (message === undefined) {
    console.warn('OnAir: no message', key);
    return key;
  }
  return message.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat(lang, { dateStyle: 'long' });
const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
const decimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });

export function formatDateTime(iso) {
  return iso ? dateTime.format(new Date(iso)) : '';
}

export function formatDate(iso) {
  return iso ? dateOnly.format(new Date(iso)) : '';
}

/** "3분 전", "2 hours ago" */
export function formatAgo(iso, now = Date.now()) {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  const units = [['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(seconds, 'second');
}

/** h:mm:ss or m:ss */
export function formatClock(totalSeconds) {
  const s = Math.max(0, Math.floor(totalSeconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const seconds = String(s % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** 850 kbps, 2.4 Mbps */
export function formatBitrate(bitsPerSecond) {
  if (bitsPerSecond == null) return '–';
  if (bitsPerSecond >= 1_000_000) return `${decimal.format(bitsPerSecond / 1_000_000)} Mbps`;
  return `${decimal.format(Math.round(bitsPerSecond / 1000))} kbps`;
}

export function formatNumber(value) {
  return value == null ? '–' : decimal.format(value);
}
