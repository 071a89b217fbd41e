import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors/app-error';
import { dataFromForm, formFieldOfError, formValuesOf, itemFormFields } from './item-form';
import { itemKinds } from './kinds';
import { checkItems } from './schemas';

const formOf = (kind: string, data: Record<string, unknown>) => Object.fromEntries(Object.entries(formValuesOf(kind, data)).map(([name, value]) => [`data.${name}`, value]));

describe('structured item forms', () => {
  it.each(itemKinds.map((kind) => [kind.kind, kind] as const))('gives %s a form that carries its example through unchanged', (_name, kind) => {
    expect(itemFormFields(kind.kind)?.length).toBeGreaterThan(0);
    const example = kind.schema.parse(kind.example);
    expect(kind.schema.parse(dataFromForm(kind.kind, formOf(kind.kind, example)))).toEqual(example);
  });

  it('reads hours and holidays as people type them', () => {
    const data = dataFromForm('number_schedule', { 'data.timezone': 'Asia/Kolkata', 'data.weekly.mon': '9:00-13:00, 14:00 – 18:00', 'data.holidays': 'Diwali | 2027-11-08 | 2027-11-09\nHalf day | 2027-12-24 | | 10:00-13:00' });
    expect(data.weekly).toMatchObject({ mon: [{ start: '09:00', end: '13:00' }, { start: '14:00', end: '18:00' }], tue: [] });
    expect(data.holidays).toEqual([
      { name: 'Diwali', start_date: '2027-11-08', end_date: '2027-11-09', hours: null },
      { name: 'Half day', start_date: '2027-12-24', hours: [{ start: '10:00', end: '13:00' }] },
    ]);
  });

  it('refuses a malformed time range beside its day', () => {
    const error = (() => {
      try {
        dataFromForm('whatsapp_schedule', { 'data.timezone': 'Asia/Kolkata', 'data.weekly.tue': 'nine to five' });
      } catch (caught) {
        return caught as AppError;
      }
    })();
    expect(error?.fieldErrors).toEqual({ 'data.weekly.tue': '“nine to five” is not a time range: write it as 09:00-18:00.' });
  });

  it('puts the kind’s own errors beside the field that holds them', () => {
    const data = dataFromForm('call_flow', { 'data.name': 'Desk', 'data.agentExtension': '3001', 'data.botName': 'Desk bot', 'data.transferTo': '' });
    const error = (() => {
      try {
        checkItems([{ kind: 'call_flow', data }]);
      } catch (caught) {
        return caught as AppError;
      }
    })();
    const [path] = Object.keys(error!.fieldErrors!);
    expect(formFieldOfError('call_flow', path!.replace(/^items\.0\.data\./, ''))).toBe('data.transferTo');
    expect(formFieldOfError('number_schedule', 'weekly.mon.0.start')).toBe('data.weekly.mon');
    expect(formFieldOfError('client_settings', 'extensionRange.last')).toBe('data.extensionRange.last');
  });
});
