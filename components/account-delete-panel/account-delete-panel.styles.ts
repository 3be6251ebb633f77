import { layout } from './layout.styles.js';
import { controls } from './controls.styles.js';

/**
 * The panel's styles. Served as constructable style sheets: no <style> element, no style attribute,
 * so a page's Content-Security-Policy needs no 'unsafe-inline' for the panel.
 */
export const styles = [layout, controls];
