import { EXTENSION_PUBLIC_KEY } from '@adal/shared/extension';

/** Where the exam runs unless the build says otherwise (ADAL_EXAM_ORIGINS). */
export const DEFAULT_EXAM_ORIGINS = 'http://localhost/*,http://127.0.0.1/*';

/**
 * The exam origins as Chrome match patterns. A pattern's host has no port, so
 * `http://127.0.0.1/*` matches every port of that host (the exam client on :5173 and the
 * server on :3000 alike); a port written in a pattern is rejected by Chrome, so we strip it.
 */
export function examMatchPatterns(raw: string | undefined): string[] {
  const source = raw?.trim() ? raw : DEFAULT_EXAM_ORIGINS;
  const patterns = source
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map(toMatchPattern);
  return [...new Set(patterns)];
}

function toMatchPattern(entry: string): string {
  const match = /^(https?|\*):\/\/([^/:]+)(?::\d+)?(\/.*)?$/.exec(entry);
  if (!match) throw new Error(`ADAL_EXAM_ORIGINS: "${entry}" is not an origin or match pattern`);
  const [, scheme, host, path] = match;
  return `${scheme}://${host}${path && path !== '/' ? path : '/*'}`;
}

export interface ManifestOptions {
  version: string;
  examPatterns: string[];
}

/** The MV3 manifest; the build writes it to dist/manifest.json. */
export function buildManifest({ version, examPatterns }: ManifestOptions) {
  return {
    manifest_version: 3,
    name: 'Adal Proctor',
    short_name: 'Adal',
    description: 'Locks down the exam tab during an Adal Proctor exam and reports what it sees.',
    version,
    // Fixes the extension id (DEFAULT_EXTENSION_ID) for every install, packed or unpacked.
    key: EXTENSION_PUBLIC_KEY,
    minimum_chrome_version: '116',
    permissions: [
      'tabs',
      'webNavigation',
      'declarativeNetRequest',
      'management',
      'system.display',
      'tabCapture',
      'storage',
      'alarms',
    ],
    host_permissions: examPatterns,
    externally_connectable: { matches: examPatterns },
    background: { service_worker: 'background.js', type: 'module' },
    content_scripts: [
      { matches: examPatterns, js: ['content.js'], run_at: 'document_start', all_frames: false },
    ],
    action: {
      default_title: 'Adal Proctor',
      default_icon: { '16': 'icons/16.png', '32': 'icons/32.png', '48': 'icons/48.png' },
    },
    icons: { '16': 'icons/16.png', '32': 'icons/32.png', '48': 'icons/48.png', '128': 'icons/128.png' },
  };
}
