import { afterEach, describe, expect, test, vi } from 'vitest';
import { withParam, withParams } from '../../src/components/sim/address';

function at(search: string, hash = '#compare') {
  vi.stubGlobal('location', { pathname: '/kb/q153066/', search, hash });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('withParam', () => {
  test('replaces the parameter in its place and keeps the others exactly as written', () => {
    at('?compare=1.old&ref=a%20b&x=~');

    expect(withParam('compare', '1.new~x')).toBe('/kb/q153066/?compare=1.new~x&ref=a%20b&x=~#compare');
  });

  test('adds a missing parameter at the end', () => {
    at('?ref=mail');

    expect(withParam('scenario', '1.a', '#scenario')).toBe('/kb/q153066/?ref=mail&scenario=1.a#scenario');
  });

  test('removes the parameter, every copy of it, and the question mark when nothing is left', () => {
    at('?compare=1.a&compare=2.b');

    expect(withParam('compare', null)).toBe('/kb/q153066/#compare');
  });

  test('a pair it cannot decode is kept, not thrown on', () => {
    at('?%E0%A4%A=1&compare=1.a');

    expect(withParam('compare', '1.b', '')).toBe('/kb/q153066/?%E0%A4%A=1&compare=1.b');
  });
});

describe('withParams', () => {
  test('replaces its own group and keeps the rest', () => {
    at('?v=3.51&ref=mail&shown=user', '');

    expect(withParams([['v', '4.0']], ['v', 'shown'])).toBe('/kb/q153066/?ref=mail&v=4.0');
  });
});
