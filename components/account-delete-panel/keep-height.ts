import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What keeps its height: the intro, the status line, the checks with Check again. */
const KEPT = '.intro, .status, .checks-region';

/**
 * Keeps each part of the panel above the form at the greatest height it has had at the panel's
 * width: a part whose words get shorter (a re-check that finds everything resolved, a check that
 * failed) does not pull up what is below it, so nothing under the checks moves while the user reads.
 * A new width starts afresh (the words wrap anew). A view concern only: no rule lives here.
 */
export class KeepHeight implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #seen = new WeakMap<Element, { width: number; height: number }>();
  #observer: ResizeObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  hostConnected(): void {
    this.#observer ??= new ResizeObserver((entries) => {
      for (const { target, contentRect } of entries) this.#keep(target as HTMLElement, contentRect.width, contentRect.height);
    });
  }

  hostUpdated(): void {
    // Observing an element already observed does nothing: the new ones (after a render) join.
    for (const part of this.#host.shadowRoot?.querySelectorAll(KEPT) ?? []) this.#observer?.observe(part);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #keep(part: HTMLElement, width: number, height: number): void {
    const seen = this.#seen.get(part);
    if (seen && seen.width !== width) {
      // The words wrap anew at this width: the part takes its own height, and keeps from there. In
      // the next frame: a change made here would be a resize observers are told of in a loop.
      this.#seen.set(part, { width, height: Infinity });
      requestAnimationFrame(() => {
        part.style.minHeight = '';
        this.#hold(part, width, parseFloat(getComputedStyle(part).height) || 0);
      });
    } else if (!seen || height > seen.height) this.#hold(part, width, height);
  }

  #hold(part: HTMLElement, width: number, height: number): void {
    this.#seen.set(part, { width, height });
    part.style.minHeight = `${height}px`;
  }
}
