// A worker thread for batch self-play: registers tsx so it can load the TypeScript engine, then plays the games it is
// sent (or measures a classroom seat's decisions: src/server/decision-pool.ts).
import { register } from 'tsx/esm/api';

register();
const { playManyInWorker } = await import('./batch.ts');
const { decisionsInWorker } = await import('../server/counterfactual.ts');
const { experimentInWorker } = await import('./experiment-play.ts');
export default function run(tasks) {
  if (!Array.isArray(tasks)) return 'experiment' in tasks ? experimentInWorker(tasks.experiment) : decisionsInWorker(tasks.decisions);
  return playManyInWorker(tasks);
}
