import { DEFAULT_EXTENSION_ID, EXTENSION_PUBLIC_KEY } from '@adal/shared/extension';
import { describe, expect, it } from 'vitest';
import { extensionIdFromKey } from './extension-id';
import { buildManifest, examMatchPatterns } from './manifest';

describe('extension id', () => {
  it('the public key in the contract gives DEFAULT_EXTENSION_ID', async () => {
    expect(await extensionIdFromKey(EXTENSION_PUBLIC_KEY)).toBe(DEFAULT_EXTENSION_ID);
  });

  it('another key gives another id', async () => {
    const other = `${EXTENSION_PUBLIC_KEY.slice(0, -8)}AAAAAAAA`;
    expect(await extensionIdFromKey(other)).not.toBe(DEFAULT_EXTENSION_ID);
  });
});

describe('exam match patterns', () => {
  it('defaults to localhost and 127.0.0.1 on any port', () => {
    expect(examMatchPatterns(undefined)).toEqual(['http://localhost/*', 'http://127.0.0.1/*']);
  });

  it('turns origins with ports into port-less patterns', () => {
    expect(examMatchPatterns('https://exam.kaznu.kz:8443, https://exam.kaznu.kz/*')).toEqual([
      'https://exam.kaznu.kz/*',
    ]);
  });

  it('refuses something that is not an origin', () => {
    expect(() => examMatchPatterns('exam.kaznu.kz')).toThrow(/ADAL_EXAM_ORIGINS/);
  });
});

describe('manifest', () => {
  it('is MV3 with the key and the exam origins everywhere they matter', () => {
    const patterns = ['https://exam.kaznu.kz/*'];
    const manifest = buildManifest({ version: '0.1.0', examPatterns: patterns });
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.key).toBe(EXTENSION_PUBLIC_KEY);
    expect(manifest.externally_connectable.matches).toEqual(patterns);
    expect(manifest.host_permissions).toEqual(patterns);
    expect(manifest.content_scripts[0]?.matches).toEqual(patterns);
    expect(manifest.content_scripts[0]?.run_at).toBe('document_start');
    expect(manifest.background).toEqual({ service_worker: 'background.js', type: 'module' });
    expect(manifest.permissions).toEqual(expect.arrayContaining(['declarativeNetRequest', 'tabCapture']));
  });
});
