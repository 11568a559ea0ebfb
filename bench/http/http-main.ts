/**
 * `npm run bench:http`: the HTTP benchmark alone (bench/http/run-http.ts) at 16 connections,
 * the server beside the bare floor, printed as a markdown table with the machine's load
 * average. Targets (issue 16 item 4): floor ÷ server ≤ 4× for every operation and ≥ 4,000
 * req/s for peerNetwork.
 */
import { printPart } from '../lib/machine';
import { httpTable } from '../report';
import { runHttpBench } from './run-http';

printPart(async () => httpTable(await runHttpBench({ concurrencies: [16], durationSeconds: 5 })));
