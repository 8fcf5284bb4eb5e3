/** Entry point of a scan worker thread (dist/scanWorker.js): the engine's request loop with the full engine. */
import { serveScanRequests } from '../engine/workerRequests';
import { loadEngine } from './engineLoader';

serveScanRequests((init) => loadEngine(init.ruleDirs, undefined, init.dependencies));
