import { createI18n } from '@adal/shared/web';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { FaceCaptureView } from './FaceCaptureView.js';
import type { FaceCaptureViewState } from './use-face-check.js';

/** Rendered on the server side of React: no effects run, so no camera or worker. */
function render(state: FaceCaptureViewState, language: 'en' | 'kk' | 'ru' = 'en') {
  return renderToStaticMarkup(
    <I18nextProvider i18n={createI18n(language)}>
      <FaceCaptureView state={state} onRetry={() => {}} />
    </I18nextProvider>,
  );
}

const status = (html: string) => html.match(/<p class="face-hint" role="status"[^>]*>([^<]*)<\/p>/)?.[1];
const tone = (html: string) => html.match(/class="face-oval" data-tone="([a-z]+)"/)?.[1];

describe('the face check screen', () => {
  it('shows a mirrored-preview label, the oval and a polite live hint', () => {
    const html = render({ step: 'guiding', hint: 'too_dark' });
    expect(html).toContain('aria-label="Your camera (shown like a mirror)"');
    expect(html).toContain('aria-live="polite"');
    expect(status(html)).toBe('Too dark — add light: turn on a lamp or sit facing a window.');
    expect(tone(html)).toBe('adjust');
    expect(html).not.toContain('role="alert"');
  });

  it('speaks kk and ru', () => {
    expect(status(render({ step: 'guiding', hint: 'only_you' }, 'kk'))).toBe(
      'Кадрда тек сіз ғана болуыңыз керек.',
    );
    expect(status(render({ step: 'guiding', hint: 'move_closer' }, 'ru'))).toBe(
      'Придвиньтесь ближе к камере.',
    );
    expect(status(render({ step: 'starting', stage: 'models' }, 'ru'))).toBe('Загружаем модель лица…');
  });

  it('turns the oval green while the student holds still', () => {
    const html = render({ step: 'guiding', hint: 'hold_still' });
    expect(status(html)).toBe('Hold still…');
    expect(tone(html)).toBe('good');
  });

  it('prompts the challenge by the side seen on screen, with a countdown', () => {
    const first = render({
      step: 'challenge',
      challenges: ['turn_right', 'blink'],
      index: 0,
      secondsLeft: 7,
    });
    expect(status(first)).toBe(
      'Ready — the photo is taken. Step 1 of 2: Turn your head to the left, then look back at the camera.',
    );
    expect(first).toMatch(/role="timer" aria-live="off"[^>]*>7 s</);
    expect(tone(first)).toBe('challenge');
    const second = render(
      { step: 'challenge', challenges: ['turn_right', 'turn_left'], index: 1, secondsLeft: 3 },
      'kk',
    );
    expect(status(second)).toBe(
      '2 қадамның 2-қадамы: Басыңызды оңға бұрыңыз, содан кейін қайтадан камераға қараңыз.',
    );
  });

  it('says why the check failed and offers "Try again"', () => {
    const html = render({
      step: 'failed',
      reason: 'timeout',
      liveness: { challenges: [{ challenge: 'blink', passed: false }], passed: false },
    });
    expect(html).toMatch(
      /role="alert"><p><strong>The face check did not pass\. <\/strong>The instruction was not done in time\./,
    );
    expect(html).toContain('<button type="button" class="button-primary">Try again</button>');
    expect(status(html)).toBe('');
    expect(tone(html)).toBe('bad');
  });

  it('explains a camera or model problem', () => {
    const camera = render({ step: 'unavailable', problem: 'camera', code: 'permission_denied' }, 'ru');
    expect(camera).toContain('Камера недоступна: ');
    expect(camera).toContain('>Повторить</button>');
    const model = render({ step: 'unavailable', problem: 'model', detail: 'Failed to fetch' });
    expect(model).toContain('The face check could not start on this device: Failed to fetch');
  });

  it('says when the check passed', () => {
    const html = render({
      step: 'passed',
      liveness: { challenges: [{ challenge: 'blink', passed: true }], passed: true },
    });
    expect(status(html)).toBe('Face check passed.');
    expect(html).not.toContain('<button');
  });
});
