import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from '../../src/lib/idle';

// The tests' jsdom has a requestIdleCallback (test/idle.ts); Safari has none, and there
// whenIdle falls back to a timer. Both ways, on fake time.
describe('whenIdle', () => {
  const idleCallback = window.requestIdleCallback;
  const cancelIdleCallback = window.cancelIdleCallback;
  afterEach(() => {
    window.requestIdleCallback = idleCallback;
    window.cancelIdleCallback = cancelIdleCallback;
    vi.useRealTimers();
  });

  it('asks requestIdleCallback, with the latest time as its timeout, and cancels through it', () => {
    const ask = vi.fn<typeof window.requestIdleCallback>(() => 7);
    const cancel = vi.fn();
    window.requestIdleCallback = ask;
    window.cancelIdleCallback = cancel;
    const callback = vi.fn();
    const stop = whenIdle(callback, 4000);
    expect(ask).toHaveBeenCalledWith(callback, { timeout: 4000 });
    stop();
    expect(cancel).toHaveBeenCalledWith(7);
  });

  it('without requestIdleCallback, runs after 500 ms (or the timeout, if sooner), unless cancelled', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    Reflect.deleteProperty(window, 'requestIdleCallback');
    const callback = vi.fn();
    whenIdle(callback);
    vi.advanceTimersByTime(499);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(callback).toHaveBeenCalledTimes(1);

    const sooner = vi.fn();
    whenIdle(sooner, 100);
    vi.advanceTimersByTime(100);
    expect(sooner).toHaveBeenCalledTimes(1);

    const cancelled = vi.fn();
    whenIdle(cancelled)();
    vi.advanceTimersByTime(1000);
    expect(cancelled).not.toHaveBeenCalled();
  });
});
