// requestIdleCallback for jsdom, which has none: without it src/lib/idle.ts falls back
// to a 500 ms timer, and a test on a busy machine raced that timer (a key pressed
// "before keyboard reading has loaded" could come after it). Here the browser is idle
// as soon as the current task ends, on the real clock (fake timers do not hold it
// back), unless a test holds idle work to release it when it says (holdIdle).

type Held = { flush: () => void };

const realSetTimeout = globalThis.setTimeout;
const pending = new Map<number, IdleRequestCallback>();
let nextHandle = 1;
let holding = false;

function run(handle: number): void {
  const callback = pending.get(handle);
  if (!callback) return;
  pending.delete(handle);
  callback({ didTimeout: false, timeRemaining: () => 50 });
}

export function installIdleCallbacks(win: Window): void {
  win.requestIdleCallback = (callback) => {
    const handle = nextHandle++;
    pending.set(handle, callback);
    if (!holding) realSetTimeout(() => run(handle), 0);
    return handle;
  };
  win.cancelIdleCallback = (handle) => {
    pending.delete(handle);
  };
}

/**
 * Holds idle work back, for a test of what happens before the browser is idle:
 * `flush()` runs what is waiting (and anything it asks for), and idle work runs
 * as usual again after the test (resetIdle, in test/setup.ts).
 */
export function holdIdle(): Held {
  holding = true;
  return {
    flush: () => {
      while (pending.size > 0) for (const handle of [...pending.keys()]) run(handle);
    },
  };
}

/** After each test: nothing held, nothing waiting from a test that has ended. */
export function resetIdle(): void {
  holding = false;
  pending.clear();
}
