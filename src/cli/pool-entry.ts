// The batch worker thread's entry when it runs from the prebuilt bundle (src/cli/worker-bundle.ts builds it): plays
// the games it is sent, an experiment's units (src/cli/experiment-play.ts), or (from the classroom server, src/server/decision-pool.ts) measures a seat's decisions by
// counterfactual replay. pool-worker.mjs is the same through tsx, for when no bundle can be built.
import { playManyInWorker, type GameTask } from './batch.ts';
import { decisionsInWorker, type DecisionTask } from '../server/counterfactual.ts';
import { experimentInWorker, type ExperimentTask } from './experiment-play.ts';

export default function run(tasks: GameTask[] | { decisions: DecisionTask } | { experiment: ExperimentTask[] }) {
  if (!Array.isArray(tasks)) return 'experiment' in tasks ? experimentInWorker(tasks.experiment) : decisionsInWorker(tasks.decisions);
  return playManyInWorker(tasks);
}
