import { type CSSVariablesResolver, createTheme, DEFAULT_THEME, darken, luminance } from '@mantine/core';
import type { TFunction } from 'i18next';

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

/**
 * The theme in the current language: Mantine's icon-only controls (a modal's or a notification's ×, the
 * pagination arrows) have no text, so a screen reader would announce just "button" without these names.
 */
export function createAppTheme(t: TFunction) {
  const close = { closeButtonProps: { 'aria-label': t('common.close') } };
  return createTheme({
    primaryColor: 'blue',
    fontFamily: FONT,
    headings: { fontFamily: FONT },
    defaultRadius: 'sm',
    components: {
      Modal: { defaultProps: close },
      Drawer: { defaultProps: close },
      Notification: { defaultProps: close },
      // A clearable file picker's × is icon-only too.
      FileInput: { defaultProps: { clearButtonProps: { 'aria-label': t('common.clearFile') } } },
      // The empty focus placeholder Mantine puts first in a menu is a child a role="menu" may not have;
      // without it, opening a menu focuses its first item, as the ARIA menu pattern expects.
      Menu: { defaultProps: { withInitialFocusPlaceholder: false } },
      Pagination: {
        defaultProps: {
          getControlProps: (control: 'first' | 'previous' | 'next' | 'last') => ({
            'aria-label': t(`pagination.${control}`),
          }),
          getItemProps: (page: number) => ({ 'aria-label': t('pagination.page', { page }) }),
        },
      },
    },
  });
}

// WCAG AA asks 4.5:1 for normal text; a little above it, so a darkened shade rounded to whole RGB steps
// still passes.
const MIN_CONTRAST = 4.6;
const WHITE = '#ffffff';
// Table rows, striped cells and hovered rows sit on the palette's palest greys, not only on white.
const PALE_GREY = DEFAULT_THEME.colors.gray[1];

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The designed shade, darkened only as far as needed to be readable on `background`: Mantine's default
 * blue (#228be6) reaches 3.55:1 on white and its dimmed grey (#868e96) 3.32:1, both below WCAG AA.
 */
function readable(shade: string, background: string): string {
  let color = shade;
  for (let amount = 0.02; contrast(color, background) < MIN_CONTRAST && amount < 1; amount += 0.02)
    color = darken(shade, amount);
  return color;
}

/**
 * Light-scheme colours that keep Mantine's palette and look but reach 4.5:1: filled surfaces (white text on
 * them), coloured text and outlines on white or pale grey, and light badges' text on their own tint.
 */
export const cssVariablesResolver: CSSVariablesResolver = (current) => {
  const light: Record<string, string> = {};
  for (const [name, shades] of Object.entries(current.colors)) {
    if (name === 'dark' || !shades) continue;
    const filled = readable(shades[6], WHITE);
    const text = readable(shades[6], PALE_GREY);
    light[`--mantine-color-${name}-filled`] = filled;
    light[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1);
    light[`--mantine-color-${name}-text`] = text;
    light[`--mantine-color-${name}-outline`] = text;
    // On the hover tint (shade 2), the darker of the two a light button or active nav link sits on.
    light[`--mantine-color-${name}-light-color`] = readable(shades[9], shades[2]);
  }
  const primaryText = light[`--mantine-color-${current.primaryColor}-text`]!;
  light['--mantine-color-anchor'] = primaryText;
  light['--mantine-color-dimmed'] = readable(current.colors.gray[6], PALE_GREY);
  // Errors are read on white and inside rows tinted red (an import preview's bad rows).
  light['--mantine-color-error'] = readable(current.colors.red[6], current.colors.red[1]);
  // A file picker's placeholder is its only visible text, so it is read like any other.
  light['--mantine-color-placeholder'] = light['--mantine-color-dimmed'];
  return { variables: {}, light, dark: {} };
};
