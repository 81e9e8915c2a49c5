// The batch worker thread's entry when it runs from the prebuilt bundle (src/cli/worker-bundle.ts builds it): plays
// the games it is sent, or (from the classroom server, src/server/decision-pool.ts) measures a seat's decisions by
// counterfactual replay. pool-worker.mjs is the same through tsx, for when no bundle can be built.
import { playManyInWorker, type GameTask } from './batch.ts';
import { decisionsInWorker, type DecisionTask } from '../server/counterfactual.ts';

export default function run(tasks: GameTask[] | { decisions: DecisionTask }) {
  if (!Array.isArray(tasks)) return decisionsInWorker(tasks.decisions);
  return playManyInWorker(tasks);
}
