import { describe, expect, it } from 'vitest';
import { createFigureStore } from './figureStore.ts';

describe('createFigureStore', () => {
  it('shows the current value, a "chưa có số liệu" chip, or the raw quote when undeclared', () => {
    const store = createFigureStore();
    store.set(
      (key) => (key === 'thu_ns' ? '12.500' : null),
      (key) => (key === 'khong_co' ? null : `Biểu 01/BC, dòng R01, cột C1 (${key})`),
    );
    expect(store.get('thu_ns')).toEqual({ text: '12.500', title: 'Biểu 01/BC, dòng R01, cột C1 (thu_ns)', missing: false });
    expect(store.get('chi_ns')).toMatchObject({ text: '[chi_ns: chưa có số liệu]', missing: true });
    expect(store.get('khong_co')).toMatchObject({ text: '{{khong_co}}', missing: true });
    expect(store.value('thu_ns')).toBe('12.500');
  });

  it('reads the latest values at once and tells subscribers only on notify, until they unsubscribe', () => {
    const store = createFigureStore();
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    store.set(
      () => '1',
      () => 'x',
    );
    expect(store.get('a').text).toBe('1');
    expect(calls).toBe(0);
    store.notify();
    expect(calls).toBe(1);
    stop();
    store.set(
      () => '2',
      () => 'x',
    );
    store.notify();
    expect(calls).toBe(1);
    expect(store.get('a').text).toBe('2');
  });
});
