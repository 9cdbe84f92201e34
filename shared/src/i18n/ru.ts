import type { Catalogue } from './index.js';
export const ru: Catalogue = { app: { name: 'Adal Proctor' } };
