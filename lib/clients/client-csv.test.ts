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
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('-A1')).toBe("'-A1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\t=1+2')).toBe(`"'\t=1+2"`);
    expect(csvField('\r=1+2')).toBe(`"'\r=1+2"`);
    expect(csvField('  =1+2')).toBe("'  =1+2");
  });

  it('writes a plain negative amount as the number it is, so a debit sums in a spreadsheet', () => {
    expect(csvField('-300.00')).toBe('-300.00');
    expect(csvField('-2')).toBe('-2');
  });

  // What a spreadsheet would see: the file split on whichever separator its locale picks, quotes honoured.
  const cellsAsSplitOn = (line: string, separator: string) => {
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const char = line[i]!;
      if (quoted) {
        if (char === '"' && line[i + 1] === '"') {
          cell += '"';
          i++;
        } else if (char === '"') quoted = false;
        else cell += char;
      } else if (char === '"') quoted = true;
      else if (char === separator || char === '\r' || char === '\n') {
        cells.push(cell);
        cell = '';
      } else cell += char;
    }
    return [...cells, cell].filter((c, i, all) => i < all.length - 1 || c !== '');
  };

  it('leaves no cell starting a formula, whichever separator the spreadsheet splits on', () => {
    const names = ['x;=1+2', 'x,=1+2', 'x\t=1+2', 'x|=1+2', 'a;+cmd', 'b;-2+3', 'c;@SUM(A1)', 'd;\t=1', '=1+2', ' @x', 'e\n=1+2', 'f\r=1+2'];
    for (const name of names) {
      const line = clientCsvLine({ id: 'cli_1', name, email: 'r@example.com', status: 'active', kycCompleted: false, createdAt: new Date('2026-01-02T03:04:05.000Z') });
      for (const separator of [',', ';', '\t', '|']) {
        for (const cell of cellsAsSplitOn(line, separator)) expect(cell, `${JSON.stringify(name)} split on ${JSON.stringify(separator)}`).not.toMatch(/^\s*[=+\-@]|^[\t\r]/);
      }
    }
  });

  it('writes a client as one CRLF-terminated line with ISO times', () => {
    const line = clientCsvLine({ id: 'cli_1', name: 'Ravi, Sons', email: 'r@example.com', status: 'active', kycCompleted: true, createdAt: new Date('2026-01-02T03:04:05.000Z') });
    expect(line).toBe('cli_1,"Ravi, Sons",r@example.com,active,completed,2026-01-02T03:04:05.000Z\r\n');
  });
});
