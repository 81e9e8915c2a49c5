// One immer instance for the engine, with auto-freeze off: the engine never mutates old states, and freezing costs time per turn.
import { Immer } from 'immer';

const immer = new Immer({ autoFreeze: false });
export const produce = immer.produce.bind(immer) as Immer['produce'];
