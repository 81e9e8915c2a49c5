// A worker thread for batch self-play: registers tsx so it can load the TypeScript engine, then plays the games it is sent.
import { register } from 'tsx/esm/api';

register();
const { playManyInWorker } = await import('./batch.ts');
export default function run(tasks) {
  return playManyInWorker(tasks);
}
