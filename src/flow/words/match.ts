/**
 * How the typed account name is compared with the real one. A user who types the name must never
 * be refused for the form of its characters: surrounding white space, letter case and Unicode
 * normalization form do not count. Accents and inner spaces do ("Cafe" is not "Café").
 */
function fold(name: string): string {
  // Lower, upper, then lower case again: close to Unicode's full case folding, which JavaScript lacks
  // ("ẞ", "ß", "SS" and "ss" agree, and so do the final and medial Greek sigma). Over all of Unicode
  // it differs from that folding on one letter: the dotless "ı" matches "i", as its capital is "I".
  // Kept so: "ADMIN" typed for "admın" is the name in capitals, and must not be refused.
  return name.normalize('NFC').trim().toLowerCase().toUpperCase().toLowerCase().normalize('NFC');
}

/** True when `typed` names the account `expected`. An empty or blank entry never matches. */
export function matchesAccountName(typed: string, expected: string): boolean {
  const want = fold(expected);
  return want !== '' && fold(typed) === want;
}
