import type { Catalogue } from './index.js';
export const kk: Catalogue = { app: { name: 'Adal Proctor' } };
