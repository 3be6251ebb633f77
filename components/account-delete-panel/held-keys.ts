/**
 * A key held down is one press. The keyboard repeats a held key's keydown, and the browser takes each
 * Enter keydown as a new press: it activates the focused button or link, and submits the form from
 * its textbox. Held on Delete after a quick failure, Enter pressed Delete again at each repeat, each
 * press a new deletion after a 429. Input handling, as the typed name is: the flow is told of presses,
 * and a repeated Enter is none. (Space presses on keyup, once however long it is held.)
 */
export function ignoreAutoRepeat(event: KeyboardEvent): void {
  if (event.repeat && event.key === 'Enter') event.preventDefault();
}
