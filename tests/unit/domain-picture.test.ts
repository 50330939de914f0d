import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { DomainPicture } from '../../src/components/models/nt-domain/DomainPicture';
import type { PictureDomainView } from '../../src/components/models/nt-domain/view';

const MIN = 60_000;
/** A view shaped as DESIGN.md's DomainView: jsmith refused at WKS1 and locked out at the PDC. */
function view(over: Partial<PictureDomainView> = {}): PictureDomainView {
  return {
    now: 10 * MIN,
    policy: { lockoutThreshold: 5, resetCountMinutes: 30, lockoutDurationMinutes: -1 },
    dcs: [
      {
        name: 'PDC1',
        role: 'PDC',
        accounts: [
          { user: 'Administrator', badPasswordCount: 0, lockedOut: false },
          { user: 'jsmith', badPasswordCount: 5, lockedOut: true },
          { user: 'mlee', badPasswordCount: 0, lockedOut: false },
        ],
      },
      {
        name: 'BDC1',
        role: 'BDC',
        accounts: [
          { user: 'Administrator', badPasswordCount: 0, lockedOut: false },
          { user: 'jsmith', badPasswordCount: 2, lockedOut: false },
          { user: 'mlee', badPasswordCount: 0, lockedOut: false },
        ],
      },
    ],
    log: [
      {
        at: 10 * MIN,
        text: 'jsmith refused at WKS1',
        error: 1909,
        computer: 'WKS1',
        user: 'jsmith',
        dc: 'BDC1',
      },
    ],
    ...over,
  };
}
const render = (v: PictureDomainView) =>
  renderToString(h(DomainPicture, { id: 'p', view: v, version: '4.0' }));

describe('the domain picture draws the view it is given', () => {
  it('fills one cell per bad password toward the threshold, locked cells apart', () => {
    const html = render(view());
    expect(html.match(/kb-dom__cell kb-dom__cell--locked/g)).toHaveLength(5);
    expect(html.match(/kb-dom__cell kb-dom__cell--bad/g)).toHaveLength(2);
    // 3 accounts × 2 DCs × 5 cells.
    expect(html.match(/class="kb-dom__cell/g)).toHaveLength(30);
  });

  it('draws a recent refusal crossed out with its error, and says it in words', () => {
    const html = render(view());
    expect(html).toContain('kb-dom__try kb-dom__try--refused');
    expect(html).toContain('error 1909');
    expect(html).toContain('refused with error 1909 (account locked out) at BDC1');
    expect(html).toContain('PDC1 (PDC): jsmith has 5 bad passwords of 5, locked out.');
  });

  it('forgets an attempt a minute after it happened', () => {
    const html = render(view({ now: 12 * MIN }));
    expect(html).not.toContain('kb-dom__try');
  });

  it('writes the count as a number when the threshold is too high to draw, and no lockout as such', () => {
    const high = render(
      view({ policy: { lockoutThreshold: 50, resetCountMinutes: 30, lockoutDurationMinutes: 30 } }),
    );
    expect(high).not.toContain('kb-dom__cell');
    expect(high).toContain('>2 bad</text>');
    expect(high).toContain('>locked out</text>');
    const none = render(
      view({ policy: { lockoutThreshold: 0, resetCountMinutes: 30, lockoutDurationMinutes: 30 } }),
    );
    expect(none).toContain('Policy: no account lockout.');
  });
});
