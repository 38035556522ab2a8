import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PrintOptions {
  /** Renders now what is pending: the browser lays out the printout as soon as `beforeprint` returns. */
  flush(): void;
  /** Where the host's `<details>` are. */
  root(): ParentNode;
}

/**
 * Printing the plan: a report with every aim built and open and every history open. `printing` is
 * true from `beforeprint` to `afterprint`, and under print media, which print preview and emulated
 * print fire without `beforeprint`. CSS cannot open a `<details>`, so those closed when printing
 * starts are opened here, and closed again after.
 */
export class PrintController implements ReactiveController {
  printing = false;
  private query?: MediaQueryList;
  private dialog = false;
  private openedForPrint: HTMLDetailsElement[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PrintOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('beforeprint', this.onBeforePrint);
    window.addEventListener('afterprint', this.onAfterPrint);
    this.query = window.matchMedia('print');
    this.query.addEventListener('change', this.onPrintMedia);
    this.set(this.query.matches);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeprint', this.onBeforePrint);
    window.removeEventListener('afterprint', this.onAfterPrint);
    this.query?.removeEventListener('change', this.onPrintMedia);
  }

  private set(printing: boolean): void {
    if (printing === this.printing) return;
    this.printing = printing;
    this.host.requestUpdate();
  }

  private onBeforePrint = (): void => {
    this.dialog = true;
    this.set(true);
    this.options.flush();
    this.openedForPrint = [...this.options.root().querySelectorAll<HTMLDetailsElement>('details:not([open])')];
    for (const details of this.openedForPrint) details.open = true;
  };

  private onAfterPrint = (): void => {
    for (const details of this.openedForPrint) details.open = false;
    this.openedForPrint = [];
    this.dialog = false;
    this.set(this.query?.matches ?? false);
  };

  private onPrintMedia = (): void => {
    this.set(this.dialog || (this.query?.matches ?? false));
  };
}
