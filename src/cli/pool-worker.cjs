// The file every Piscina pool of this repository starts its threads with. Piscina loads a worker file with require()
// first, and on Node 20 require() of an ES module (the engine's bundle, or pool-worker.mjs) races with an import() of
// the same module that another task on the thread has started: V8 aborts the whole process ("v8::Module::IsGraphAsync
// must be used on an instantiated module"; seen once in CI, a sweep on 3 workers). This file is CommonJS, so require()
// returns at once, and the entry (workerData.entry: a file URL, given by src/cli/worker-bundle.ts poolWorker) is
// loaded by one import(), shared by every task.
'use strict';
const { workerData } = require('node:worker_threads');

let entry = null;
module.exports = function run(task) {
  entry ??= import(workerData.entry).then((m) => m.default);
  return entry.then((fn) => fn(task));
};
