import type { OtherExtension } from '@adal/shared/extension';
import type { InstalledExtension } from '../chrome-apis';
import { DENY_LIST } from './deny-list';

/** Host permissions that reach every site. */
const BROAD_HOSTS = new Set(['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*']);
/** API permissions that, with access to every site, can read or change the exam page or the screen. */
const POWERFUL = ['scripting', 'tabs', 'clipboardRead', 'debugger', 'proxy', 'desktopCapture', 'tabCapture'];

export function extensionRisks(extension: InstalledExtension): string[] {
  const risks: string[] = [];
  const denied = DENY_LIST.ids[extension.id];
  if (denied) risks.push(`deny-list: ${denied}`);
  const name = extension.name.toLowerCase();
  for (const [keyword, reason] of Object.entries(DENY_LIST.nameKeywords)) {
    if (new RegExp(`\\b${escapeRegExp(keyword)}\\b`).test(name)) {
      risks.push(`deny-list: ${reason} ("${keyword}")`);
      break;
    }
  }
  const broad = extension.hostPermissions.some((h) => BROAD_HOSTS.has(h));
  const powerful = extension.permissions.filter((p) => POWERFUL.includes(p));
  if (broad && powerful.length > 0) risks.push(`all sites + ${powerful.join(', ')}`.slice(0, 120));
  return risks.slice(0, 10);
}

/** Enabled extensions other than ours, with their risks, shaped for the contract. */
export function otherExtensions(installed: InstalledExtension[], selfId: string): OtherExtension[] {
  return installed
    .filter((e) => e.enabled && e.id !== selfId && e.type !== 'theme')
    .slice(0, 100)
    .map((e) => ({
      id: e.id.slice(0, 64),
      name: e.name.slice(0, 200),
      version: e.version.slice(0, 40),
      enabled: e.enabled,
      risks: extensionRisks(e),
    }));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
