// The forum structure's cache: fresh for its time-to-live, then served while a fresh
// copy loads behind it, then waited for; one load at a time; failures not kept.
import { describe, expect, it } from 'vitest';
import { cachedStructure, type ForumStructure } from './forum-structure';

function loader() {
  const loads: Array<{ resolve: (value: ForumStructure) => void; reject: (error: Error) => void }> = [];
  const load = () =>
    new Promise<ForumStructure>((resolve, reject) => {
      loads.push({ resolve, reject });
    });
  return { load, loads };
}

const structure = (name: string) => ({ name }) as unknown as ForumStructure;

describe('cachedStructure', () => {
  it('serves the kept structure while fresh, then at once while reloading it, then waits once it is too old', async () => {
    let clock = 0;
    const { load, loads } = loader();
    const get = cachedStructure(load, 10_000, () => clock, 60_000);

    const first = get();
    expect(loads).toHaveLength(1);
    loads[0]?.resolve(structure('one'));
    expect(await first).toEqual(structure('one'));

    clock = 9_999;
    expect(await get()).toEqual(structure('one'));
    expect(loads).toHaveLength(1);

    // Stale: answered at once with the old one, a single reload behind it however many ask.
    clock = 10_000;
    expect(await get()).toEqual(structure('one'));
    expect(await get()).toEqual(structure('one'));
    expect(loads).toHaveLength(2);
    loads[1]?.resolve(structure('two'));
    await Promise.resolve();
    expect(await get()).toEqual(structure('two'));

    // Too old to serve: the request waits for the load.
    clock = 10_000 + 10_000 + 60_000;
    let answered: ForumStructure | undefined;
    const waiting = get().then((value) => (answered = value));
    await Promise.resolve();
    expect(answered).toBeUndefined();
    loads[2]?.resolve(structure('three'));
    await waiting;
    expect(answered).toEqual(structure('three'));
  });

  it('keeps no failed load: a background failure leaves the old one, and a later request tries again', async () => {
    let clock = 0;
    const { load, loads } = loader();
    const get = cachedStructure(load, 1_000, () => clock, 60_000);
    const first = get();
    loads[0]?.resolve(structure('one'));
    await first;
    clock = 2_000;
    expect(await get()).toEqual(structure('one'));
    loads[1]?.reject(new Error('the database is away'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(await get()).toEqual(structure('one'));
    expect(loads).toHaveLength(3);
  });
});
