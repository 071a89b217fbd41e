import { describe, expect, it } from 'vitest';
import { clientCsvLine, csvField } from './client-csv';

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Acme, Inc.')).toBe('"Acme, Inc."');
    expect(csvField('The "Best" Shop')).toBe('"The ""Best"" Shop"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });

  it('defuses values a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("http://evil.example")')).toBe(`"'=HYPERLINK(""http://evil.example"")"`);
    expect(csvField('+91 98765')).toBe("'+91 98765");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('writes a client as one CRLF-terminated line with ISO times', () => {
    const line = clientCsvLine({ id: 'cli_1', name: 'Ravi, Sons', email: 'r@example.com', status: 'active', kycCompleted: true, createdAt: new Date('2026-01-02T03:04:05.000Z') });
    expect(line).toBe('cli_1,"Ravi, Sons",r@example.com,active,completed,2026-01-02T03:04:05.000Z\r\n');
  });
});
