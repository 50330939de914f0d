import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { DomainPicture } from '../../src/components/models/nt-domain/DomainPicture';
import { type DomainConfig, type DomainEvent, simulate } from '../../src/machines/nt-domain';

const SEC = 1000;
const MIN = 60 * SEC;
const bad = (computer: string, user: string): DomainEvent => ({
  type: 'logon.attempt',
  computer,
  user,
  password: 'bad',
  via: 'console',
});
/** jsmith types a bad password at WKS1 (checked by BDC1) five times, then the good one. */
const tape = [
  ...[1, 2, 3, 4, 5].map((i) => ({ at: i * SEC, event: bad('WKS1', 'jsmith') })),
  { at: 10 * SEC, event: { ...bad('WKS1', 'jsmith'), password: 'good' as const } },
];
const render = (config: DomainConfig, at: number, t = tape) =>
  renderToString(h(DomainPicture, { id: 'p', view: simulate(config, t, at), version: '4.0' }));

describe('the domain picture draws the model’s view', () => {
  it('fills one cell per bad password toward the threshold, the locked account’s apart', () => {
    const html = render({ lockoutThreshold: 5 }, 10 * SEC);
    // The PDC counts the BDC's failures too and locks the account (Q297157): 5 locked cells there.
    expect(html.match(/kb-dom__cell kb-dom__cell--locked/g)?.length).toBeGreaterThanOrEqual(5);
    // 3 accounts × 2 DCs × 5 cells.
    expect(html.match(/class="kb-dom__cell/g)).toHaveLength(30);
    expect(html).toContain('PDC1 (PDC): jsmith has 5 bad passwords of 5, locked out.');
  });

  it('draws the refused good password crossed out with error 1909, and says it', () => {
    const html = render({ lockoutThreshold: 5 }, 10 * SEC);
    expect(html).toContain('kb-dom__try kb-dom__try--refused');
    expect(html).toContain('>error 1909</text>');
    expect(html).toMatch(/refused with error 1909 \(account locked out\)/);
  });

  it('forgets an attempt a minute after it happened', () => {
    expect(render({ lockoutThreshold: 5 }, 2 * MIN)).not.toContain('kb-dom__try');
  });

  it('writes the count when the threshold is too high to draw, and says when there is no lockout', () => {
    const high = render({ lockoutThreshold: 50 }, 10 * SEC);
    expect(high).not.toContain('kb-dom__cell');
    expect(high).toMatch(/>\d+ bad<\/text>/);
    expect(render({ lockoutThreshold: 0 }, 10 * SEC)).toContain('Policy: no account lockout.');
  });

  it('shows a program retrying an old password', () => {
    const retrier = [
      {
        at: 0,
        event: { type: 'retrier.start', computer: 'WKS2', user: 'mlee', everySeconds: 60 } as DomainEvent,
      },
    ];
    expect(render({}, 30 * SEC, retrier)).toContain(
      "WKS2: a program retries mlee's old password every 60 s.",
    );
  });
});
