/**
 * The project's benchmarks (`npm run bench`); see BENCHMARKS.md for the figures and how to read them.
 *
 *   npm run bench                      every benchmark on SQLite
 *   npm run bench -- --pg              … on PostgreSQL at TEST_PG_URL (a throw-away database)
 *   npm run bench -- --stations=20000 --runs=1
 *
 * Add a benchmark by writing scripts/bench/<name>.ts with an exported function and calling it here.
 */
import { benchAdjustment, parseArgs } from './adjustment.js';

const args = process.argv.slice(2);
await benchAdjustment(parseArgs(args));
