import type { ExamEnvironment } from '@adal/shared/extension';
import browser from 'webextension-polyfill';
import type { Background } from '../background';
import { otherExtensions } from './risk';

/** Looks at displays and extensions; during a lockdown, reports what changed. */
export async function checkEnvironment(bg: Background): Promise<ExamEnvironment> {
  const [displays, installed] = await Promise.all([
    bg.chrome.displayCount().catch(() => 0),
    bg.chrome.installedExtensions().catch(() => []),
  ]);
  const environment: ExamEnvironment = {
    displays: Math.min(Math.max(displays, 0), 16),
    extensions: otherExtensions(installed, browser.runtime.id),
  };
  bg.lastEnvironment = environment;
  const lockdown = bg.lockdown;
  if (!lockdown) return environment;

  lockdown.environment = environment;
  await bg.persist();
  if (environment.displays > 1) await bg.beginEpisode('second_display', `${environment.displays} displays`);
  else await bg.endEpisode('second_display');

  for (const extension of environment.extensions) {
    if (extension.risks.length === 0 || lockdown.reportedExtensions.includes(extension.id)) continue;
    lockdown.reportedExtensions.push(extension.id);
    await bg.persist();
    await bg.report('risky_extension', `${extension.name} (${extension.risks.join('; ')})`);
  }
  return environment;
}
