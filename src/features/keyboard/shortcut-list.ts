// The shortcuts, as the help dialog lists them. Each entry is one or more ways to press
// it; a way is a sequence of keys pressed one after another ("g then h").

type Shortcut = { ways: readonly (readonly string[])[]; does: string; needsSearch?: boolean };

export const SHORTCUTS: readonly Shortcut[] = [
  { ways: [['j']], does: 'Next post' },
  { ways: [['k']], does: 'Previous post' },
  { ways: [['→'], [']']], does: 'Next page' },
  { ways: [['←'], ['[']], does: 'Previous page' },
  { ways: [['#']], does: 'Go to a post by its number' },
  { ways: [['u']], does: 'Up one level' },
  { ways: [['g', 'h']], does: 'Board index' },
  { ways: [['/']], does: 'Search', needsSearch: true },
  { ways: [['?']], does: 'Show these shortcuts' },
  { ways: [['Esc']], does: 'Close a dialog' },
];

/** What a screen reader should say for a key whose symbol it may skip or misread. */
export const KEY_NAMES: Readonly<Record<string, string>> = {
  '→': 'Right arrow',
  '←': 'Left arrow',
  '[': 'Left bracket',
  ']': 'Right bracket',
  '#': 'Number sign',
  '/': 'Slash',
  '?': 'Question mark',
  Esc: 'Escape',
};
