// Building the pages' DOM. Everything that comes from users (titles, names, devices) goes in as
// text nodes: there is no innerHTML anywhere in OnAir's scripts.

/** An element with attributes, listeners (onclick: fn) and children (nodes or strings, as text). */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (value == null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = value;
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
}

/** Replaces an element's children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

export const byId = (id) => document.getElementById(id);

export function show(element, visible = true) {
  element.hidden = !visible;
  return element;
}

/** Shows a text in a (hidden until then) message element, or hides it for an empty text. */
export function say(element, text) {
  element.textContent = text ?? '';
  element.hidden = !text;
}

/** An http(s) URL from an API answer, or null: never javascript: or data: from a provider's profile. */
export function safeUrl(url) {
  if (typeof url !== 'string') return null;
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}
