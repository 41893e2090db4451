import { describe, expect, it } from 'vitest';
import { PetitionEventType } from '../workflow/petition-event.ts';
import { publicStepLabels, PublicTimeline } from './public-tracking.ts';

describe('the public timeline', () => {
  it('labels every step a petitioner should see and leaves internal ones out', () => {
    const internal = ['staffRecused', 'clockPaused', 'clockResumed', 'extensionRequested', 'diversionOutcomeRecorded', 'judicialConfirmationRecorded'];
    const shown = PetitionEventType.options.filter((type) => publicStepLabels[type] !== undefined);
    expect(shown.sort()).toEqual(PetitionEventType.options.filter((type) => !internal.includes(type)).sort());
    for (const type of shown) {
      expect(publicStepLabels[type]!.zh.length).toBeGreaterThan(0);
      expect(publicStepLabels[type]!.en.length).toBeGreaterThan(0);
    }
  });

  it('has no field that could carry a person: names, numbers and addresses are not in the schema', () => {
    const keys = Object.keys(PublicTimeline.shape);
    for (const forbidden of ['name', 'mobile', 'idNumber', 'address', 'petitioner', 'handler', 'staff']) {
      expect(keys.some((key) => key.toLowerCase().includes(forbidden.toLowerCase()))).toBe(false);
    }
  });
});
