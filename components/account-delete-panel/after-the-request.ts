/** Microtasks to wait: the SDK (ky) hands a request to `fetch` after four; a token function takes more. */
const HOPS = 12;

/**
 * Resolves once a check started in this task has been handed to `fetch` (a few microtasks), so that a
 * render made after it does not hold the request back by its ten and more milliseconds on a fresh page.
 * Microtasks only: no frame is painted meanwhile, so nothing shows before the render.
 */
export async function afterTheRequest(): Promise<void> {
  for (let hop = 0; hop < HOPS; hop++) await undefined;
}
