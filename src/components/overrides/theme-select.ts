// The theme picker's behaviour (Starlight 0.42.4's ThemeSelect script), with every touch of
// storage guarded: a browser that blocks storage throws on it. (`StarlightThemeProvider` is
// declared by Starlight and defined by ThemeProvider.astro.)
type Theme = 'auto' | 'dark' | 'light';

/** Key in `localStorage` Starlight stores the colour theme preference at. */
const storageKey = 'starlight-theme';

const parseTheme = (theme: unknown): Theme =>
  theme === 'auto' || theme === 'dark' || theme === 'light' ? theme : 'auto';

function loadTheme(): Theme {
  try {
    return parseTheme(localStorage.getItem(storageKey));
  } catch {
    return 'auto';
  }
}

function storeTheme(theme: Theme): void {
  try {
    localStorage.setItem(storageKey, theme === 'light' || theme === 'dark' ? theme : '');
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
}

const preferred = (): Theme => (matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark');

let current: Theme = loadTheme();

function onThemeChange(theme: Theme): void {
  current = theme;
  StarlightThemeProvider.updatePickers(theme);
  document.documentElement.dataset.theme = theme === 'auto' ? preferred() : theme;
  storeTheme(theme);
}

matchMedia('(prefers-color-scheme: light)').addEventListener('change', () => {
  if (current === 'auto') onThemeChange('auto');
});

class StarlightThemeSelect extends HTMLElement {
  constructor() {
    super();
    onThemeChange(loadTheme());
    this.querySelector('select')?.addEventListener('change', (e) => {
      if (e.currentTarget instanceof HTMLSelectElement) onThemeChange(parseTheme(e.currentTarget.value));
    });
  }
}
if (!customElements.get('starlight-theme-select'))
  customElements.define('starlight-theme-select', StarlightThemeSelect);
