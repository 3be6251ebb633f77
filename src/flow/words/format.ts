/**
 * Writes a decimal string such as "-1234567.05" with a language's separators ("-1,234,567.05",
 * "-1.234.567,05"). Exact at any size, and free of Intl's start-up cost on the first render.
 */
export function formatDecimal(value: string, decimal: string, group: string): string {
  const negative = value.startsWith('-');
  const [whole = '', fraction] = (negative ? value.slice(1) : value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : decimal + fraction}`;
}
