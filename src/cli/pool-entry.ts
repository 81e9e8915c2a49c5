// The batch worker thread's entry when it runs from the prebuilt bundle (src/cli/worker-bundle.ts builds it): plays
// the games it is sent. pool-worker.mjs is the same through tsx, for when no bundle can be built.
import { playManyInWorker, type GameTask } from './batch.ts';

export default function run(tasks: GameTask[]) {
  return playManyInWorker(tasks);
}
