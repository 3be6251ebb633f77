import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What keeps its height: the intro, the status line, the checks with Check again, and each check. */
const KEPT = '.intro, .status, .checks-region, #checks > li';
/** The sample checks kept unseen under the real ones (templates.ts), for the room of a usual answer. */
const SAMPLE = '.checks.sample:not(.placeholder)';
/**
 * The user's own input in the panel, after which a move is expected. A click, not a press: what moves
 * on a press could take the control from under the pointer before its release, and lose the click.
 */
const INPUT = ['click', 'keydown'];

/**
 * Keeps each part of the panel above the form at the greatest height it has had at the panel's
 * width: a part whose words get shorter (a re-check that finds everything resolved, a check that
 * failed) does not pull up what is below it, so nothing under it moves while the user reads. The
 * parts let go at the user's next click or key in the panel (a move right after one's own input is
 * expected: it is not a layout shift), and so do the unseen sample checks, which give their room back;
 * the parts let go too when the width changes (the words wrap anew), then keep from their own
 * heights. A view concern only: no rule lives here.
 */
export class KeepHeight implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #seen = new WeakMap<Element, { width: number; height: number }>();
  #observer: ResizeObserver | undefined;
  /** The parts to measure afresh in the next frame, after a change of width. */
  readonly #anew = new Set<HTMLElement>();
  /** Whether the sample checks give their room back in the next frame: after the user's input. */
  #samplesGo = false;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
  }

  hostConnected(): void {
    for (const type of INPUT) this.#host.addEventListener(type, this.#letGo, true);
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
    for (const type of INPUT) this.#host.removeEventListener(type, this.#letGo, true);
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  #keep(part: HTMLElement, width: number, height: number): void {
    const seen = this.#seen.get(part);
    if (seen && seen.width !== width) this.#anewNextFrame(part);
    else if (!seen || height > seen.height) this.#hold(part, width, height);
  }

  /**
   * The user clicked or typed in the panel: the unseen sample checks go, and every part takes its own
   * height, and keeps from there.
   */
  readonly #letGo = (): void => {
    this.#samplesGo = true;
    for (const part of this.#host.shadowRoot?.querySelectorAll<HTMLElement>(KEPT) ?? []) this.#anewNextFrame(part);
  };

  /**
   * In the next frame (a change made in a resize observer would be one it is told of in a loop), and
   * all at once: a part measured while another still holds its old height would keep it too.
   */
  #anewNextFrame(part: HTMLElement): void {
    this.#seen.set(part, { width: -1, height: Infinity });
    if (this.#anew.size === 0) requestAnimationFrame(() => this.#startAnew());
    this.#anew.add(part);
  }

  #startAnew(): void {
    const parts = [...this.#anew];
    this.#anew.clear();
    if (this.#samplesGo) for (const sample of this.#host.shadowRoot?.querySelectorAll<HTMLElement>(SAMPLE) ?? []) sample.style.display = 'none';
    this.#samplesGo = false;
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
