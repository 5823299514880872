/** Light / dark / system theme switch (issue 4). Placeholder until it lands. */
export function ThemeSwitch() {
  return null;
}
