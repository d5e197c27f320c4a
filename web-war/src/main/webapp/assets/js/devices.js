// A User-Agent as a person reads it: "Chrome · Windows". The full string stays in the title.
import { t } from './i18n.js';

const BROWSERS = [
  [/Edg(e|A|iOS)?\//, 'Edge'], [/OPR\//, 'Opera'], [/SamsungBrowser\//, 'Samsung Internet'],
  [/KAKAOTALK/i, 'KakaoTalk'], [/Whale\//, 'Whale'], [/Firefox\//, 'Firefox'], [/CriOS\//, 'Chrome'],
  [/HeadlessChrome\//, 'Headless Chrome'], [/Chrome\//, 'Chrome'], [/Safari\//, 'Safari'],
];
const SYSTEMS = [
  [/Windows/, 'Windows'], [/iPhone|iPad|iPod/, 'iOS'], [/Android/, 'Android'], [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'], [/Linux/, 'Linux'],
];

export function describeDevice(userAgent) {
  if (!userAgent) return t('device.unknown');
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  if (!browser && !system) return userAgent.length > 40 ? `${userAgent.slice(0, 40)}…` : userAgent;
  return [browser, system].filter(Boolean).join(' · ');
}
