import { describe, expect, it } from 'vitest';
import { createTimeline as kernelTimeline } from '../../src/machines/kernel';
import { MODELS } from '../../src/machines/models';
import {
  describeEvent,
  EVENT_TYPES,
  nextChange,
  ntDomain,
  ntDomainPlayer,
  registry,
  simulate,
  timelineView,
} from '../../src/machines/nt-domain';
import { bads, MIN, SEC, tape, unlock } from './nt-domain.helpers';

/* The nt-domain model as the kernel sees it: registration, variants, next, tail, figures, header. */

describe('nt-domain on the kernel', () => {
  it('is registered by its id, compares 3.51 with 4.0 by version', () => {
    expect(MODELS['nt-domain']).toBe(ntDomain);
    expect(ntDomain.variants).toEqual({
      field: 'version',
      values: ['3.51', '4.0'],
      compared: ['3.51', '4.0'],
    });
  });

  it('sourced rules and modelling choices are disjoint', () => {
    const choices = new Set(ntDomain.rules.choices);
    expect(ntDomain.rules.sourced.filter((k) => choices.has(k))).toEqual([]);
  });

  it('every event type has wording', () => {
    for (const type of EVENT_TYPES) {
      const code = registry.codes.findIndex((row) => row[0] === type);
      const event = registry.eventOfCode(code, [30, 30, 31]);
      expect(event && describeEvent(event)).toMatch(/\w/);
    }
  });

  it('next: the pulse that brings BDC1 the lockout, the lockout’s end, then nothing', () => {
    const locked = tape(...bads(5, 'WKS2', 'mlee'));
    // PDC1 locks mlee at 4 s; BDC1 takes it at the pulse at 5 minutes; the lockout and the count
    // end 30 minutes after 4 s.
    expect(nextChange({}, locked, 4 * SEC)).toBe(5 * MIN);
    expect(nextChange({}, locked, 5 * MIN)).toBe(4 * SEC + 30 * MIN);
    expect(nextChange({}, locked, 4 * SEC + 30 * MIN)).toBeNull();
  });

  it('next: the retrier’s next try while one runs', () => {
    const retrying = tape([0, { type: 'retrier.start', computer: 'WKS1', user: 'jsmith', everySeconds: 60 }]);
    expect(nextChange({}, retrying, 90 * SEC)).toBe(2 * MIN);
  });

  it('next: a BDC out of step after an unlock makes the next pulse a change', () => {
    const steps = tape(...bads(5, 'WKS1', 'jsmith'), [MIN, unlock('jsmith')]);
    // BDC1 keeps its count of 5 and its copy of the lockout until the pulse at 5 minutes.
    expect(nextChange({ syncMinutes: 5 }, steps, 2 * MIN)).toBe(5 * MIN);
    expect(nextChange({ syncMinutes: 5 }, steps, 5 * MIN)).toBeNull();
  });

  it('tail reaches the longest timer at the configured values', () => {
    expect(ntDomain.tail(undefined)).toBe(35 * MIN);
    expect(ntDomain.tail({ resetCountMinutes: 10, lockoutDurationMinutes: 90 })).toBe(95 * MIN);
    expect(ntDomain.tail({ lockoutDurationMinutes: -1 })).toBe(35 * MIN);
  });

  it('figures: each DC’s counts summed, then the accounts locked out at the PDC', () => {
    const steps = tape(...bads(2, 'WKS1', 'jsmith'), ...bads(5, 'WKS2', 'mlee', 10 * SEC));
    const figures = kernelTimeline(ntDomain, {}, steps).figuresUntil(MIN);
    // A later step at the same time replaces an earlier one: at 0, the first bad attempt.
    expect(figures.get(0)).toEqual([1, 1, 0]);
    expect(figures.get(SEC)).toEqual([2, 2, 0]);
    expect(figures.get(14 * SEC)).toEqual([7, 2, 1]);
  });

  it('timelineView is simulate, frame after frame', () => {
    const steps = tape(...bads(5, 'WKS1', 'jsmith'));
    for (const t of [0, 3 * SEC, 10 * MIN, 2 * MIN])
      expect(timelineView({}, steps, t)).toEqual(simulate({}, steps, t));
  });

  it('the player works for the domain: record, clock, link', () => {
    expect(ntDomainPlayer.machine.id).toBeTypeOf('string');
  });
});
