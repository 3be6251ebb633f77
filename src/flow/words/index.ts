import { en } from './en.js';
import { ptBR } from './pt-BR.js';

export type { Strings } from './strings.js';
export { en, ptBR };
export { withOverrides } from './overrides.js';
export { localeFor, onLocalesChange, overrideLocale, registerLocale, stringsFor } from './locales.js';
