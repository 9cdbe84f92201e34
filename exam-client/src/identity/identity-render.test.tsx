import type { DocumentReading } from '@adal/shared';
import { createI18n } from '@adal/shared/web';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { DocumentFields } from './document/DocumentFields.js';
import { FaceMatchLine } from './FaceMatchLine.js';
import { IdentityStatus } from './IdentityStatus.js';
import { checkStatus } from './identity-flow.js';
import { WhatLeavesDevice } from './WhatLeavesDevice.js';

/** Rendered on the server side of React: no effects, no camera, no model. */
const render = (node: ReactNode, language: 'en' | 'kk' | 'ru' = 'en') =>
  renderToStaticMarkup(<I18nextProvider i18n={createI18n(language)}>{node}</I18nextProvider>);

const reading: DocumentReading = {
  source: 'mrz',
  format: 'TD1',
  checkDigitsValid: false,
  invalidFields: ['birthDateCheckDigit'],
  documentNumber: '045612378',
  surname: 'ALIEV',
  givenNames: 'ARMAN',
  iin: null,
  birthDate: '2004-05-12',
  expiryDate: '2034-05-11',
  ocrConfidence: 77,
};

describe('what the student sees', () => {
  it('lists exactly what leaves the device, and that no video does', () => {
    const html = render(<WhatLeavesDevice />);
    expect(html.match(/<li>/g)).toHaveLength(5);
    expect(html).toContain('the photo of your face');
    expect(html).toContain('No video is sent this way');
    expect(render(<WhatLeavesDevice />, 'kk')).toContain('Құрылғыңыздан не жіберіледі');
    expect(render(<WhatLeavesDevice />, 'ru')).toContain('Что уходит с вашего устройства');
  });

  it('shows the fields read, the failed check digit and the preview against the name', () => {
    const html = render(<DocumentFields reading={reading} preview={['name_matches', 'document_expired']} />);
    expect(html).toContain('Check digits do not hold: birthDateCheckDigit');
    expect(html).toContain('12.05.2004');
    expect(html).toMatch(/data-field="iin"><span class="muted">not read/);
    expect(html).toContain('data-reason="document_expired" class="form-error"');
    expect(html).toContain('Reading confidence: 77 %');
  });

  it('shows the face match with its distance and threshold, as advice', () => {
    const html = render(
      <FaceMatchLine faceMatch={{ distance: 0.712, threshold: 0.55, verdict: 'different_person' }} />,
    );
    expect(html).toContain('distance 0.71, threshold 0.55');
    expect(html).toContain('the proctor, who decides');
  });

  it("shows the proctor's decision with the note", () => {
    expect(render(<IdentityStatus status={checkStatus([])} />)).toBe('');
    const retake = render(
      <IdentityStatus status={{ status: 'retake', note: 'Снимите блики', check: {} as never }} />,
      'ru',
    );
    expect(retake).toContain('Проктор просит пройти проверку заново: Снимите блики');
  });
});
