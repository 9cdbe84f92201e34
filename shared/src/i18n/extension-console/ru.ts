import type { extensionConsoleEn } from './en.js';

export const extensionConsoleRu: typeof extensionConsoleEn = {
  title: 'Расширение для экзамена',
  status: {
    none: 'Не подключено',
    connected: 'Подключено',
    silent: 'Молчит',
  },
  noneYet: 'Расширение студента для экзамена в этом экзамене ещё не подключалось.',
  version: 'Версия',
  connectedAt: 'Подключено в',
  lastHeartbeat: 'Последний сигнал',
  noHeartbeat: 'ещё не было',
  secondsAgo: '{{count}} с назад',
  minutesAgo: '{{count}} мин назад',
  lockdown: 'Блокировка',
  lockdownOn: 'Включена',
  lockdownOff: 'Выключена',
  silentWarning:
    'Расширение не подаёт сигналов, хотя экзамен заблокирован: его могли отключить или удалить. Это отмечено в журнале.',
  displays: 'Мониторы',
  manyDisplays: 'Подключено больше одного монитора.',
  extensions: 'Другие расширения',
  noExtensions: 'Нет',
  disabled: 'отключено',
  risks: 'Риск: {{risks}}',
  notReported: 'ещё не сообщалось',
};
