/**
 * The seed every fuzz test starts from: fixed, so CI runs the same inputs each time; FUZZ_SEED=… replays or widens
 * a run. fast-check prints the seed and the path of a failing case, which `{ seed, path }` replays exactly.
 */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20_201_127);
