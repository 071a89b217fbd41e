import { describe, expect, it } from 'vitest';
import { idPrefixes, isId, newId, type IdKind } from './index';

const kinds = Object.keys(idPrefixes) as IdKind[];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('newId', () => {
  it.each(kinds)('gives a %s id its prefix and a 26-character suffix', (kind) => {
    const id = newId(kind);
    expect(id).toMatch(new RegExp(`^${idPrefixes[kind]}_[0-7][0-9a-hjkmnp-tv-z]{25}$`));
  });

  it('uses a distinct prefix for each kind', () => {
    expect(new Set(Object.values(idPrefixes)).size).toBe(kinds.length);
  });

  it('never repeats', () => {
    const ids = Array.from({ length: 5000 }, () => newId('client'));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts in creation order, within a millisecond and across them', async () => {
    const burst = Array.from({ length: 2000 }, () => newId('audit'));
    expect([...burst].sort()).toEqual(burst);

    const spaced: string[] = [];
    for (let i = 0; i < 5; i++) {
      spaced.push(newId('audit'));
      await sleep(3);
    }
    expect([...spaced].sort()).toEqual(spaced);
  });
});

describe('isId', () => {
  it('recognises a well-formed id of the given kind only', () => {
    const partnerId = newId('partner');
    expect(isId('partner', partnerId)).toBe(true);
    expect(isId('client', partnerId)).toBe(false);
  });

  it.each(['', 'ptn_', 'ptn', 'ptn_123', 'ptn_01h455vb4pex5vsknk084sn02q-extra', 'PTN_01H455VB4PEX5VSKNK084SN02Q', 'ptn_81h455vb4pex5vsknk084sn02q', '../etc/passwd', "ptn_01h455vb4pex5vsknk084sn0'"])(
    'refuses %j',
    (value) => {
      expect(isId('partner', value)).toBe(false);
    },
  );
});
