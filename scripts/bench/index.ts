/**
 * The project's benchmarks (`npm run bench`); see BENCHMARKS.md for the figures and how to read them.
 *
 *   npm run bench                      every benchmark (adjustment on SQLite, hall on SQLite and PostgreSQL)
 *   npm run bench -- adjustment        only the adjustment job; `--pg` on PostgreSQL at TEST_PG_URL
 *   npm run bench -- hall              only the hall; `--engine=sqlite|postgres|both` (default both)
 *   npm run bench -- load              mixed load (hall, search, logins, autosaves, decisions); `--engine=`, `--duration=20`
 *   npm run bench -- assign            only expert assignment (pure, no database); `--items=2000 --experts=500`
 *   npm run bench -- --stations=20000 --needs=20000 --runs=1
 *
 * Add a benchmark by writing scripts/bench/<name>.ts with an exported function and calling it here.
 */
import { benchAdjustment, parseArgs } from './adjustment.js';
import { benchAssign, parseAssignArgs } from './assign.js';
import { benchHall, parseHallArgs } from './hall.js';
import { benchLoad, parseLoadArgs } from './load.js';

const BENCHMARKS = {
  adjustment: (argv: string[]) => benchAdjustment(parseArgs(argv)),
  hall: (argv: string[]) => benchHall(parseHallArgs(argv)),
  assign: (argv: string[]) => benchAssign(parseAssignArgs(argv)),
  load: (argv: string[]) => benchLoad(parseLoadArgs(argv)),
};
type Name = keyof typeof BENCHMARKS;
const isName = (a: string): a is Name => Object.hasOwn(BENCHMARKS, a);

const args = process.argv.slice(2);
const named = args.filter((a) => !a.startsWith('--'));
const unknown = named.filter((a) => !isName(a));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHMARKS).join(', ')}`);
  process.exit(2);
}
const chosen = named.filter(isName);
const options = args.filter((a) => a.startsWith('--'));
for (const name of chosen.length > 0 ? chosen : (Object.keys(BENCHMARKS) as Name[])) {
  await BENCHMARKS[name](options);
}
