/**
 * `account-deletion-kit/locales/es`: Spanish (neutral Latin American). Importing it registers `es` for
 * every view on the page, in whichever copy of the kit: the panel, the window, the standalone file
 * and the headless flow (`stringsFor('es-MX')` gives these words). Elements already on the page
 * draw their words again. It also exports the words, to start a locale of your own from them.
 *
 * ```ts
 * import 'account-deletion-kit/locales/es';
 * ```
 *
 * Without a bundler, next to the standalone module: `<script type="module" src="…/dist/locales/es.js">`.
 */
import { es } from '../flow/words/es.js';
import { addLocale } from '../flow/words/registry.js';

addLocale('es', es);

export { es };
export default es;
