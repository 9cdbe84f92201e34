export const en = {
  app: { name: 'Adal Proctor' },
};
