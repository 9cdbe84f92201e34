import {
  ErrorReply,
  EXTENSION_PROTOCOL,
  type ExtensionReply,
  ExtensionRequest,
} from '@adal/shared/extension';
import browser, { type Runtime } from 'webextension-polyfill';
import type { z } from 'zod';
import type { Background } from './background';
import { liftLockdown, startLockdown } from './lockdown';

/** One-off requests from the exam page (`chrome.runtime.sendMessage(EXTENSION_ID, request)`). */
export async function handleExternalRequest(
  bg: Background,
  message: unknown,
  sender: Runtime.MessageSender,
): Promise<ExtensionReply> {
  const parsed = ExtensionRequest.safeParse(message);
  if (!parsed.success) return error('bad_request', `invalid fields: ${fieldNames(parsed.error)}`);
  const request = parsed.data;
  const origin = senderOrigin(sender);

  switch (request.type) {
    case 'hello':
      return {
        type: 'hello',
        protocol: EXTENSION_PROTOCOL,
        version: browser.runtime.getManifest().version,
        extensionId: browser.runtime.id,
        nonce: request.nonce,
      };
    case 'start_lockdown': {
      if (origin !== request.examOrigin) return forbidden(origin);
      const tab = sender.tab;
      if (tab?.id === undefined || tab.windowId === undefined)
        return error('no_tab', 'send it from the exam tab');
      const examTab = { id: tab.id, windowId: tab.windowId, ...(tab.url ? { url: tab.url } : {}) };
      return bg.serial(() => startLockdown(bg, request, examTab));
    }
    case 'stop_lockdown':
      return bg.serial(async (): Promise<ExtensionReply> => {
        const lockdown = bg.lockdown;
        if (!lockdown) return { type: 'lockdown', active: false };
        if (origin !== lockdown.examOrigin) return forbidden(origin);
        if (request.sittingId !== lockdown.sittingId)
          return error('wrong_sitting', 'another sitting is locked');
        await liftLockdown(bg);
        return { type: 'lockdown', active: false };
      });
  }
}

function senderOrigin(sender: Runtime.MessageSender): string | undefined {
  const withOrigin = sender as Runtime.MessageSender & { origin?: string };
  if (withOrigin.origin) return withOrigin.origin;
  try {
    return sender.url ? new URL(sender.url).origin : undefined;
  } catch {
    return undefined;
  }
}

function fieldNames(zodError: z.ZodError): string {
  const names = zodError.issues.map((issue) => issue.path.join('.') || '(message)');
  return [...new Set(names)].join(', ');
}

function forbidden(origin: string | undefined): ExtensionReply {
  return error('forbidden_origin', `not the exam origin: ${origin ?? 'unknown'}`);
}

function error(code: string, message: string): ExtensionReply {
  return ErrorReply.parse({ type: 'error', code, message: message.slice(0, 500) });
}
