import type { extensionConsoleEn } from './en.js';

export const extensionConsoleKk: typeof extensionConsoleEn = {
  title: 'Емтихан кеңейтімі',
  status: {
    none: 'Қосылмаған',
    connected: 'Қосылған',
    silent: 'Үнсіз',
  },
  noneYet: 'Студенттің емтихан кеңейтімі бұл емтиханда әлі қосылған жоқ.',
  version: 'Нұсқасы',
  connectedAt: 'Қосылған уақыты',
  lastHeartbeat: 'Соңғы белгі',
  noHeartbeat: 'әлі жоқ',
  secondsAgo: '{{count}} с бұрын',
  minutesAgo: '{{count}} мин бұрын',
  lockdown: 'Бұғаттау',
  lockdownOn: 'Қосулы',
  lockdownOff: 'Өшірулі',
  silentWarning:
    'Емтихан бұғатталған кезде кеңейтімнен белгі келмей тұр: ол өшірілген не жойылған болуы мүмкін. Бұл журналда белгіленеді.',
  displays: 'Дисплейлер',
  manyDisplays: 'Бірнеше дисплей қосылған.',
  extensions: 'Басқа кеңейтімдер',
  noExtensions: 'Жоқ',
  disabled: 'өшірулі',
  risks: 'Қауіп: {{risks}}',
  notReported: 'әлі хабарланбаған',
};
