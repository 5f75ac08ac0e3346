import { describe, expect, it } from 'vitest';
import { childDeadlineDefault } from './delegation.ts';

// 17:00 16/01/2026 in Vietnam.
const deadlineAt = '2026-01-16T10:00:00.000Z';

describe('childDeadlineDefault', () => {
  it("takes the regime's deadline for the level below when there is one", () => {
    const suggested = { date: '2026-01-15', time: '10:00', label: 'Phòng gửi xã' };
    expect(childDeadlineDefault({ suggestedChildDeadline: suggested, deadlineAt, windowEnd: '2026-01-14' })).toEqual({
      date: '2026-01-15',
      time: '10:00',
    });
  });

  it("otherwise proposes a day before the unit's own deadline, at its time", () => {
    expect(childDeadlineDefault({ suggestedChildDeadline: null, deadlineAt, windowEnd: '2026-01-14' })).toEqual({
      date: '2026-01-15',
      time: '17:00',
    });
  });

  it('leaves the date empty when a day before would not be after the cut-off window', () => {
    expect(childDeadlineDefault({ suggestedChildDeadline: null, deadlineAt, windowEnd: '2026-01-15' })).toEqual({
      date: '',
      time: '17:00',
    });
  });
});
