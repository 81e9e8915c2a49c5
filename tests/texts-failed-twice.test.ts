// A second failure while the texts-failed dialog is up (a resumed game whose drawing fails while another screen's
// chunk failed) returned the open dialog and dropped its message and its Close action, so Close left a blank page
// instead of going back to the start screen. Now the dialog says both, and Close does what each failure asked.
import { describe, expect, it } from 'vitest';
import { installFakeDom, type FakeElement } from './fake-dom.ts';

installFakeDom();
const { textsFailed } = await import('../src/ui/texts-failed.ts');
const body = () => document.body as unknown as FakeElement;

describe('the texts-failed dialog, failing twice', () => {
  it('shows both messages once each and runs both Close actions', () => {
    const closed: string[] = [];
    const a = textsFailed('Could not load the results screen.', () => closed.push('end'));
    const b = textsFailed('Could not load the game’s texts.', () => closed.push('start screen'));
    textsFailed('Could not load the game’s texts.');
    expect(b).toBe(a);
    expect(body().querySelectorAll('[data-testid="texts-failed"]').length).toBe(1);
    const text = a.querySelector('[id="texts-failed-text"]')!.textContent;
    expect(text).toBe('Could not load the results screen.Could not load the game’s texts.');
    (a.querySelector('[data-testid="texts-close"]') as unknown as { click(): void }).click();
    expect(closed).toEqual(['end', 'start screen']);
    expect(body().querySelector('[data-testid="texts-failed"]')).toBeNull();
    // a later failure opens a new dialog with its own Close action only
    textsFailed('again', () => closed.push('third'));
    (body().querySelector('[data-testid="texts-close"]') as unknown as { click(): void }).click();
    expect(closed).toEqual(['end', 'start screen', 'third']);
  });
});
