import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What keeps its height: the intro, the status line, the checks with Check again, and each check. */
const KEPT = '.intro, .status, .checks-region, .checks > li';

/**
 * Keeps each part of the panel above the form at the greatest height it has had at the panel's
 * width: a part whose words get shorter (a re-check that finds everything resolved, a check that
 * failed) does not pull up what is below it, so nothing under it moves while the user reads.
 * A new width starts afresh (the words wrap anew). A view concern only: no rule lives here.
 */
export class KeepHeight implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #seen = new WeakMap<Element, { width: number; height: number }>();
  #observer: ResizeObserver | undefined;
  /** The parts to measure afresh in the next frame, after a change of width. */
  readonly #anew = new Set<HTMLElement>();

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  hostConnected(): void {
    // Border boxes: a check's padding counts, and the height kept is set on the border box.
    this.#observer ??= new ResizeObserver((entries) => {
      for (const { target, borderBoxSize } of entries) {
        const box = borderBoxSize[0];
        if (box) this.#keep(target as HTMLElement, box.inlineSize, box.blockSize);
      }
    });
  }

  hostUpdated(): void {
    // Observing an element already observed does nothing: the new ones (after a render) join.
    for (const part of this.#host.shadowRoot?.querySelectorAll(KEPT) ?? []) this.#observer?.observe(part, { box: 'border-box' });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #keep(part: HTMLElement, width: number, height: number): void {
    const seen = this.#seen.get(part);
    if (seen && seen.width !== width) {
      // The words wrap anew at this width: the parts take their own heights, and keep from there. In
      // the next frame (a change made here would be a resize observers are told of in a loop), and
      // all at once: a part measured while another still holds its old height would keep it too.
      this.#seen.set(part, { width, height: Infinity });
      if (this.#anew.size === 0) requestAnimationFrame(() => this.#startAnew());
      this.#anew.add(part);
    } else if (!seen || height > seen.height) this.#hold(part, width, height);
  }

  #startAnew(): void {
    const parts = [...this.#anew];
    this.#anew.clear();
    for (const part of parts) part.style.minHeight = '';
    for (const part of parts) {
      const box = part.getBoundingClientRect();
      this.#hold(part, box.width, box.height);
    }
  }

  #hold(part: HTMLElement, width: number, height: number): void {
    this.#seen.set(part, { width, height });
    part.style.boxSizing = 'border-box';
    part.style.minHeight = `${height}px`;
  }
}
