// The video player: hls.js (from its WebJar, loaded as a classic script before this module) where
// the browser has Media Source, else the browser's own HLS. A private channel's URLs carry a
// CloudFront signature: hls.js appends it to every playlist and segment request, and the page
// hands over a fresh one (setSignature) before the old one expires.

/** The query of a signed URL (Policy=...&Signature=...&Key-Pair-Id=...), or '' */
function queryOf(url) {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at + 1);
}

function withQuery(url, query) {
  if (!query || /[?&]Signature=/.test(url)) return url;
  return url + (url.includes('?') ? '&' : '?') + query;
}

export class Player {
  /**
   * @param {HTMLVideoElement} video
   * @param {{onBlockedSound?: () => void, onTrouble?: (trouble: boolean) => void}} hooks
   */
  constructor(video, hooks = {}) {
    this.video = video;
    this.hooks = hooks;
    this.hls = null;
    this.url = null;
    this.signature = '';
    this.retry = null;
    video.addEventListener('playing', () => this.hooks.onTrouble?.(false));
  }

  /** Plays a playlist URL (a signed one carries its signature), from the start for a replay. */
  load(url, { fromStart = false } = {}) {
    const base = url.split('?')[0];
    if (this.url && this.url.split('?')[0] === base) {
      this.setSignature(queryOf(url));
      return;
    }
    const Hls = window.Hls;
    const withHls = Boolean(Hls && Hls.isSupported());
    if (!withHls && !this.video.canPlayType('application/vnd.apple.mpegurl')) {
      throw new Error('this browser plays no HLS');
    }
    this.destroy();
    this.url = url;
    this.signature = queryOf(url);
    if (withHls) {
      this.attachHls(Hls, base, fromStart);
    } else {
      this.video.src = url;
      this.video.addEventListener('loadedmetadata', () => this.start(), { once: true });
    }
  }

  attachHls(Hls, base, fromStart) {
    const hls = new Hls({
      startPosition: fromStart ? 0 : -1,
      xhrSetup: (xhr, requestUrl) => {
        xhr.open('GET', withQuery(requestUrl, this.signature), true);
      },
      manifestLoadingMaxRetry: 4,
      levelLoadingMaxRetry: 6,
      fragLoadingMaxRetry: 6,
    });
    this.hls = hls;
    hls.on(Hls.Events.MANIFEST_PARSED, () => this.start());
    hls.on(Hls.Events.ERROR, (event, data) => {
      if (!data.fatal) return;
      this.hooks.onTrouble?.(true);
      if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
        hls.recoverMediaError();
      } else {
        // a playlist not written yet, the network, an expired signature: try again shortly
        clearTimeout(this.retry);
        this.retry = setTimeout(() => {
          if (this.hls === hls) {
            hls.loadSource(base);
            hls.startLoad();
          }
        }, 2000);
      }
    });
    hls.loadSource(base);
    hls.attachMedia(this.video);
  }

  /** Plays with sound where the browser allows it, else muted (the page offers to unmute). */
  async start() {
    try {
      await this.video.play();
    } catch (error) {
      if (error.name !== 'NotAllowedError') return;
      this.video.muted = true;
      try {
        await this.video.play();
        this.hooks.onBlockedSound?.();
      } catch {
        // the user presses play
      }
    }
  }

  /** A fresh signature for the requests to come. */
  setSignature(query) {
    if (query) this.signature = query;
  }

  playing() {
    return this.url !== null;
  }

  destroy() {
    clearTimeout(this.retry);
    if (this.hls) {
      this.hls.destroy();
      this.hls = null;
    }
    if (this.url) {
      this.video.removeAttribute('src');
      this.video.load();
    }
    this.url = null;
  }
}
