import { en } from './en.js';
import { ptBR } from './pt-BR.js';
import type { Strings } from './strings.js';

export type { Strings } from './strings.js';
export { en, ptBR };
export { withOverrides } from './overrides.js';

/** The strings for a language tag: `pt-BR` (in any letter case, with any subtags after it) or English. */
export function stringsFor(lang: string | undefined): Strings {
  return /^pt-br(-|$)/i.test(lang ?? '') ? ptBR : en;
}

/** The locale used to format numbers, matching the strings chosen. */
export function localeFor(lang: string | undefined): string {
  return stringsFor(lang) === ptBR ? 'pt-BR' : 'en';
}
