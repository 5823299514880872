// Single-key shortcuts must never steal a keystroke meant for something else.

const TEXT_ENTRY = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

// Widgets whose own arrow keys mean something (ARIA patterns, media scrubbing).
const ARROW_WIDGETS = [
  'audio',
  'video',
  '[role="slider"]',
  '[role="spinbutton"]',
  '[role="scrollbar"]',
  '[role="tablist"]',
  '[role="menu"]',
  '[role="menubar"]',
  '[role="listbox"]',
  '[role="grid"]',
  '[role="tree"]',
  '[role="radiogroup"]',
  '[role="toolbar"]',
].join(', ');

/** True when the reader is typing: in a field, a select or editable text. */
export function isTypingTarget(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(TEXT_ENTRY) !== null;
}

/**
 * True when ← and → belong to the focused element: a widget with its own arrow keys,
 * or a box that scrolls sideways (a code block is focusable for exactly that).
 */
export function ownsArrowKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest(ARROW_WIDGETS)) return true;
  for (let element: Element | null = target; element && element !== document.body; element = element.parentElement) {
    if (element.scrollWidth > element.clientWidth) {
      const overflow = getComputedStyle(element).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') return true;
    }
  }
  return false;
}
