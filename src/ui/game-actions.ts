// What the game screen (game.ts) asks of the page that hosts it: the game page (main.ts) or a class's student page
// (src/classroom/student.ts).
import type { SessionSnapshot } from '../session/protocol.ts';

export interface GameActions {
  save(): Promise<void>;
  load(): void;
  newGame(): void;
  finished(): Promise<void>;
  snapshotChanged(s: SessionSnapshot, said?: string): void; // said: what changed, in words (undo, fork), shown as a toast
  /** the game could not be drawn (its texts did not load) and the player closed the dialog that said so (without it,
   * the screen tries again) */
  notDrawn?(): void;
}
