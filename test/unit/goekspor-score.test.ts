/** The export-readiness score and the certificate warnings: every rule, item by item. */
import { describe, expect, it } from 'vitest';
import {
  certificateFlags,
  DEFAULT_STUCK_MONTHS,
  isFood,
  monthsBetween,
  nextStepText,
  ruleLabel,
  READINESS_RULES,
  scoreReadiness,
  type CertificateFacts,
  type ReadinessFacts,
} from '../../shared/goekspor';

const TODAY = '2025-11-20';
const none: ReadinessFacts = { nib: null, kbli: '10792', certificates: [], attended: {}, featured: false, shipments: 0 };
const cert = (c: Partial<CertificateFacts> & Pick<CertificateFacts, 'type'>): CertificateFacts => ({ status: 'terbit', status_since: '2025-01-01', expires_on: null, ...c });
const item = (f: Partial<ReadinessFacts>, key: string) => scoreReadiness({ ...none, ...f }, TODAY).items.find((i) => i.key === key)!;

describe('readiness rules', () => {
  it('weights sum to 100 and are listed in program order', () => {
    expect(READINESS_RULES.reduce((s, r) => s + r.weight, 0)).toBe(100);
    expect(READINESS_RULES.map((r) => r.key)).toEqual(['nib', 'izin_edar', 'halal', 'merek', 'mutu', 'pelatihan', 'pendampingan', 'pameran', 'unggulan', 'ekspor']);
  });

  it('an IKM with nothing scores 0 and misses every item; the next step is the first rule', () => {
    const r = scoreReadiness(none, TODAY);
    expect(r.score).toBe(0);
    expect(r.missing).toEqual(READINESS_RULES.map((x) => x.label));
    expect(r.next).toBe('Urus NIB melalui OSS');
    expect(r.items.every((i) => i.state === 'missing' && i.points === 0)).toBe(true);
  });

  it('the next step and item names in English for the English screen (the report keeps the Indonesian)', () => {
    const fresh = scoreReadiness(none, TODAY);
    expect([fresh.nextKey, fresh.nextPartial]).toEqual(['nib', false]);
    expect([nextStepText(fresh, 'id'), nextStepText(fresh, 'en')]).toEqual(['Urus NIB melalui OSS', 'Get an NIB through OSS']);
    const halal = scoreReadiness({ ...none, nib: '9120001000001', certificates: [cert({ type: 'pirt' }), cert({ type: 'halal', status: 'proses' })] }, TODAY);
    expect([halal.nextKey, halal.nextPartial]).toEqual(['halal', true]);
    expect(nextStepText(halal, 'id')).toBe('Kawal proses Sertifikat halal sampai terbit');
    expect(nextStepText(halal, 'en')).toBe('See the Halal certificate through to issue');
    expect(nextStepText({ next: 'x', nextKey: null, nextPartial: false }, 'en')).toMatch(/every requirement is met/);
    // Each reason also as a code with its facts, for the screen to say in its language.
    expect(halal.items.find((i) => i.key === 'halal')!.why).toEqual({ code: 'certRunning', type: 'halal', since: '2025-01-01' });
    expect(halal.items.find((i) => i.key === 'nib')!.why).toEqual({ code: 'nibInRegistry', nib: '9120001000001' });
    expect(halal.items.find((i) => i.key === 'pelatihan')!.why).toEqual({ code: 'neverAttended' });
    expect(READINESS_RULES.map((r) => ruleLabel(r.key, 'en')).every((l, i) => l !== '' && (l !== READINESS_RULES[i]!.label || l === 'NIB'))).toBe(true);
  });

  it('an IKM with everything scores 100, misses nothing', () => {
    const r = scoreReadiness(
      {
        nib: '9120001000001',
        kbli: '10792',
        certificates: [cert({ type: 'pirt' }), cert({ type: 'halal' }), cert({ type: 'merek' }), cert({ type: 'sni' })],
        attended: { pelatihan: 1, pendampingan: 2, pameran: 1 },
        featured: true,
        shipments: 3,
      },
      TODAY,
    );
    expect(r.score).toBe(100);
    expect(r.missing).toEqual([]);
    expect(r.next).toMatch(/semua syarat terpenuhi/);
  });

  it('NIB: from the registry or from a NIB certificate', () => {
    expect(item({ nib: '9120001000001' }, 'nib')).toMatchObject({ state: 'ok', points: 15 });
    expect(item({ certificates: [cert({ type: 'nib' })] }, 'nib')).toMatchObject({ state: 'ok', points: 15 });
    expect(item({ certificates: [cert({ type: 'nib', status: 'proses' })] }, 'nib')).toMatchObject({ state: 'partial', points: 7.5 });
    expect(item({}, 'nib')).toMatchObject({ state: 'missing', points: 0 });
  });

  it('izin edar: PIRT, BPOM MD or BPOM ML', () => {
    for (const type of ['pirt', 'bpom_md', 'bpom_ml'] as const) expect(item({ certificates: [cert({ type })] }, 'izin_edar').state).toBe('ok');
    expect(item({ certificates: [cert({ type: 'halal' })] }, 'izin_edar').state).toBe('missing');
  });

  it('a certificate counts when terbit and not expired; proses earns half; expired or belum earns nothing', () => {
    expect(item({ certificates: [cert({ type: 'halal', expires_on: '2026-01-01' })] }, 'halal')).toMatchObject({ state: 'ok', points: 15 });
    expect(item({ certificates: [cert({ type: 'halal', expires_on: TODAY })] }, 'halal').state).toBe('ok'); // valid through its last day
    expect(item({ certificates: [cert({ type: 'halal', expires_on: '2025-11-19' })] }, 'halal')).toMatchObject({ state: 'missing', detail: 'Sertifikat halal kedaluwarsa' });
    expect(item({ certificates: [cert({ type: 'halal', status: 'kedaluwarsa' })] }, 'halal').state).toBe('missing');
    expect(item({ certificates: [cert({ type: 'halal', status: 'belum' })] }, 'halal')).toMatchObject({ state: 'missing', detail: 'Belum ada' });
    const p = item({ certificates: [cert({ type: 'halal', status: 'proses', status_since: '2025-02-01' })] }, 'halal');
    expect(p).toMatchObject({ state: 'partial', points: 7.5 });
    expect(p.detail).toContain('01/02/2025');
    expect(p.next).toBe('Kawal proses Sertifikat halal sampai terbit');
  });

  it('the best certificate wins: an expired one and a renewed one count as valid', () => {
    expect(item({ certificates: [cert({ type: 'halal', status: 'kedaluwarsa' }), cert({ type: 'halal', status: 'proses' })] }, 'halal').state).toBe('partial');
    expect(item({ certificates: [cert({ type: 'halal', status: 'kedaluwarsa' }), cert({ type: 'halal' })] }, 'halal').state).toBe('ok');
  });

  it('merek and standar mutu (SNI or another quality certificate)', () => {
    expect(item({ certificates: [cert({ type: 'merek' })] }, 'merek')).toMatchObject({ state: 'ok', points: 10 });
    expect(item({ certificates: [cert({ type: 'sni' })] }, 'mutu')).toMatchObject({ state: 'ok', points: 5 });
    expect(item({ certificates: [cert({ type: 'lainnya' })] }, 'mutu').state).toBe('ok');
  });

  it('activities count only when attended, by kind', () => {
    expect(item({ attended: { sosialisasi: 1 } }, 'pelatihan').state).toBe('ok');
    expect(item({ attended: { pelatihan: 2 } }, 'pelatihan')).toMatchObject({ state: 'ok', detail: 'Hadir di 2 kegiatan' });
    expect(item({ attended: { pendampingan: 1 } }, 'pendampingan').state).toBe('ok');
    expect(item({ attended: { pelatihan: 1 } }, 'pendampingan').state).toBe('missing');
    expect(item({ attended: { temu_bisnis: 1 } }, 'pameran').state).toBe('ok');
    expect(item({ attended: { pameran: 1 } }, 'pameran').state).toBe('ok');
    expect(item({ attended: { pameran: 0 } }, 'pameran').state).toBe('missing');
  });

  it('featured product and first shipment', () => {
    expect(item({ featured: true }, 'unggulan')).toMatchObject({ state: 'ok', points: 5 });
    expect(item({ shipments: 1 }, 'ekspor')).toMatchObject({ state: 'ok', points: 10 });
    expect(item({ shipments: 0 }, 'ekspor').state).toBe('missing');
  });

  it('izin edar and halal apply to food makers only (KBLI 10/11 or unknown); the score is over what applies', () => {
    expect(isFood('10792')).toBe(true);
    expect(isFood('11050')).toBe(true);
    expect(isFood(null)).toBe(true);
    expect(isFood('16293')).toBe(false);
    const rattan = scoreReadiness({ ...none, kbli: '16293', nib: '9120001000002', certificates: [cert({ type: 'merek' })] }, TODAY);
    expect(rattan.items.filter((i) => i.state === 'na').map((i) => i.key)).toEqual(['izin_edar', 'halal']);
    // NIB 15 + merek 10 = 25 of 75 applicable points.
    expect(rattan.score).toBe(Math.round((100 * 25) / 75));
    expect(rattan.missing).not.toContain('Sertifikat halal');
    // The same facts for a food maker: 25 of 100.
    expect(scoreReadiness({ ...none, nib: '9120001000002', certificates: [cert({ type: 'merek' })] }, TODAY).score).toBe(25);
  });

  it('missing lists partial items with "(proses)" and the next step follows program order', () => {
    const r = scoreReadiness({ ...none, nib: '9120001000001', certificates: [cert({ type: 'pirt' }), cert({ type: 'halal', status: 'proses' })] }, TODAY);
    expect(r.missing[0]).toBe('Sertifikat halal (proses)');
    expect(r.next).toBe('Kawal proses Sertifikat halal sampai terbit');
    expect(r.score).toBe(33); // 15 + 10 + 7.5 = 32.5 of 100, rounded
  });
});

describe('certificate warnings', () => {
  it('expiring within 90 days, or already past its date', () => {
    expect(certificateFlags(cert({ type: 'pirt', expires_on: '2026-02-18' }), TODAY)).toEqual(['expiring']); // 90 days
    expect(certificateFlags(cert({ type: 'pirt', expires_on: '2026-02-19' }), TODAY)).toEqual([]);
    expect(certificateFlags(cert({ type: 'pirt', expires_on: TODAY }), TODAY)).toEqual(['expiring']);
    expect(certificateFlags(cert({ type: 'pirt', expires_on: '2025-11-19' }), TODAY)).toEqual(['expired']);
    expect(certificateFlags(cert({ type: 'pirt', status: 'proses', expires_on: '2025-12-01', status_since: TODAY }), TODAY)).toEqual([]);
  });

  it('stuck in proses longer than the configured months (halal: 10 by default)', () => {
    expect(DEFAULT_STUCK_MONTHS.halal).toBe(10);
    expect(certificateFlags(cert({ type: 'halal', status: 'proses', status_since: '2025-01-20' }), TODAY)).toEqual(['stuck']); // 10 months
    expect(certificateFlags(cert({ type: 'halal', status: 'proses', status_since: '2025-01-21' }), TODAY)).toEqual([]);
    expect(certificateFlags(cert({ type: 'halal', status: 'proses', status_since: '2024-12-20' }), TODAY, { ...DEFAULT_STUCK_MONTHS, halal: 12 })).toEqual([]);
    expect(certificateFlags(cert({ type: 'halal', status: 'terbit', status_since: '2020-01-01' }), TODAY)).toEqual([]);
  });

  it('months between dates count whole months', () => {
    expect(monthsBetween('2025-01-15', '2025-02-14')).toBe(0);
    expect(monthsBetween('2025-01-15', '2025-02-15')).toBe(1);
    expect(monthsBetween('2024-12-31', '2025-11-30')).toBe(10);
  });
});
