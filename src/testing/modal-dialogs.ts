/**
 * jsdom has no modal dialogs: `showModal` and `close` only open and close the element, which is all a component test
 * of a confirmation or a pairing dialog needs. Call it in `beforeAll`.
 */
export function stubModalDialogs(): void {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
    this.open = false;
  };
}
