// When a live screen reloads its data. Three promises to the person looking at it:
// - what is shown is never older than what was shown before: one load at a time, and a load asked for while one
//   runs starts after it, so a slow early answer can never be drawn over a newer one;
// - a steady stream of events cannot hold the screen still: a burst is gathered into one load, but no later than a
//   second after the first event of the burst;
// - a failed load is tried again by itself (2 s, 4 s, ... at most 15 s apart), so a provider's inbox or the board
//   does not stay empty after one failed call until the next event happens to come.

const GATHER_MS = 150;
const GATHER_AT_MOST_MS = 1000;
const RETRY_FIRST_MS = 2000;
const RETRY_AT_MOST_MS = 15000;

/**
 * load() fetches and draws, and rejects when it could not; onFailure(error) tells the person. Returns
 * { now, soon, stop }: now() loads at once (or right after the running load), soon() gathers a burst of events.
 */
export function refresher(load, onFailure) {
  let running = false;
  let again = false;
  let stopped = false;
  let gatherTimer = null;
  let gatherStarted = 0;
  let retryTimer = null;
  let retryDelay = RETRY_FIRST_MS;

  async function now() {
    if (stopped) return;
    clearTimeout(gatherTimer);
    gatherTimer = null;
    clearTimeout(retryTimer);
    retryTimer = null;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await load();
      retryDelay = RETRY_FIRST_MS;
    } catch (failure) {
      onFailure(failure);
      if (!stopped) {
        retryTimer = setTimeout(now, retryDelay);
        retryDelay = Math.min(RETRY_AT_MOST_MS, retryDelay * 2);
      }
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      now();
    }
  }

  function soon() {
    if (stopped) return;
    const at = Date.now();
    if (gatherTimer === null) gatherStarted = at;
    clearTimeout(gatherTimer);
    const wait = Math.max(0, Math.min(GATHER_MS, gatherStarted + GATHER_AT_MOST_MS - at));
    gatherTimer = setTimeout(now, wait);
  }

  function stop() {
    stopped = true;
    clearTimeout(gatherTimer);
    clearTimeout(retryTimer);
  }

  return { now, soon, stop };
}
