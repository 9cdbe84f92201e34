import { appealsRu } from './appeals/ru.js';
import { commissionRu } from './commission/ru.js';
import { computerTestRu } from './computer-test/ru.js';
import { extensionRu } from './extension/ru.js';
import { extensionConsoleRu } from './extension-console/ru.js';
import { gradingRu } from './grading/ru.js';
import { identityDocumentRu } from './identity-document/ru.js';
import { identityFaceRu } from './identity-face/ru.js';
import type { Catalogue } from './index.js';
import { makeUpRu } from './make-up/ru.js';
import { mediaRu } from './media/ru.js';
import { monitoringRu } from './monitoring/ru.js';
import { oralQueueRu } from './oral-queue/ru.js';
import { proctoringRu } from './proctoring/ru.js';
import { sheetsConsoleRu } from './sheets-console/ru.js';
import { staffRu } from './staff/ru.js';
import { studentDetailRu } from './student-detail/ru.js';
import { studentLogRu } from './student-log/ru.js';
import { thesisDefenceRu } from './thesis-defence/ru.js';
import { ticketPoolsRu } from './ticket-pools/ru.js';
import { writtenExamRu } from './written-exam/ru.js';

/** Russian: the words of the Russian-language guides (расписание экзаменов, доступ, ГЭК). */
export const ru: Catalogue = {
  app: { name: 'Adal Proctor', examClient: 'Экзаменационный портал', proctorConsole: 'Консоль проктора' },
  language: { label: 'Язык интерфейса' },
  common: {
    loading: 'Загрузка…',
    retry: 'Повторить',
    logout: 'Выйти',
    logoutEverywhere: 'Выйти на всех устройствах',
    signedInAs: 'Вы вошли как {{name}}',
    back: 'Вернуться к расписанию',
    skipToContent: 'Перейти к содержимому',
    minutes: '{{count}} мин',
  },
  login: {
    title: 'Вход в систему',
    subtitle: 'Введите логин и пароль, выданные университетом.',
    login: 'Логин',
    password: 'Пароль',
    submit: 'Войти',
    submitting: 'Вход…',
    wrongCredentials: 'Неверный логин или пароль.',
  },
  roles: {
    student: 'Обучающийся',
    proctor: 'Проктор',
    commission_member: 'Член комиссии',
    commission_chair: 'Председатель комиссии',
    technical_secretary: 'Технический секретарь',
    registrar: 'Деканат',
    admin: 'Администратор',
  },
  sittingKind: {
    computer_test: 'Компьютерное тестирование',
    written: 'Письменный экзамен',
    oral: 'Устный экзамен',
    state_exam: 'Государственный экзамен (ГЭК)',
    thesis_defence: 'Защита дипломной работы',
  },
  controlKind: {
    exam: 'Экзамен',
    current_assessment: 'Текущая оценка',
    midterm_1: 'Рубежный контроль 1',
    midterm_2: 'Рубежный контроль 2',
  },
  access: {
    red: 'Ожидание допуска',
    green: 'Доступ открыт',
    admittedAt: 'Допуск в {{time}}',
  },
  schedule: {
    title: 'Расписание экзаменов',
    intro:
      'Статус доступа остаётся красным, пока проктор или секретарь комиссии не допустит вас. Если к началу он всё ещё красный, спросите в видеозвонке.',
    discipline: 'Дисциплина',
    date: 'Дата',
    startTime: 'Начало',
    kind: 'Вид экзамена',
    controlKind: 'Вид контроля',
    duration: 'Длительность',
    access: 'Доступ',
    action: 'Действие',
    enter: 'Войти в экзамен',
    enterLabel: 'Войти в экзамен: {{discipline}}',
    empty: 'У вас нет запланированных экзаменов.',
    live: 'Статус доступа обновляется автоматически',
    offline: 'Обновления приостановлены, переподключение…',
  },
  sitting: {
    title: 'Экзамен',
    opensHere: 'Экзамен откроется здесь.',
    notAdmitted: 'Вас ещё не допустили к этому экзамену.',
    notFound: 'Этого экзамена нет в вашем расписании.',
  },
  console: {
    title: 'Мои экзамены',
    overview: 'Экзамены на этой странице',
    intro: 'Допускайте обучающегося после проверки личности, комнаты и рабочего стола.',
    empty: 'Вам не назначено ни одного экзамена.',
    group: 'Группа',
    start: 'Начало',
    duration: 'Длительность',
    students: 'Обучающиеся',
    admittedCount: 'Допущено {{admitted}} из {{total}}',
    fullName: 'ФИО',
    iin: 'ИИН',
    access: 'Доступ',
    action: 'Действие',
    admit: 'Допустить',
    revoke: 'Отозвать допуск',
    admitLabel: 'Допустить: {{name}}',
    revokeLabel: 'Отозвать допуск: {{name}}',
    viewOnly: 'Ваша роль позволяет только просматривать списки, без допуска обучающихся.',
    noStudents: 'В этом экзамене нет обучающихся.',
  },
  media: mediaRu,
  staff: staffRu,
  test: computerTestRu,
  appeals: appealsRu,
  proctoring: proctoringRu,
  studentLog: studentLogRu,
  studentDetail: studentDetailRu,
  ticketPools: ticketPoolsRu,
  writtenExam: writtenExamRu,
  oralQueue: oralQueueRu,
  thesisDefence: thesisDefenceRu,
  sheetsConsole: sheetsConsoleRu,
  grading: gradingRu,
  commission: commissionRu,
  makeUp: makeUpRu,
  identityDocument: identityDocumentRu,
  identityFace: identityFaceRu,
  extensionConsole: extensionConsoleRu,
  monitoring: monitoringRu,
  extension: extensionRu,
  wrongApp: {
    staffTitle: 'Этот портал предназначен для обучающихся',
    staffBody: 'Сотрудники работают в консоли проктора.',
    staffLink: 'Открыть консоль проктора',
    studentTitle: 'Эта консоль предназначена для сотрудников',
    studentBody: 'Обучающиеся сдают экзамены на экзаменационном портале.',
    studentLink: 'Открыть экзаменационный портал',
  },
  errors: {
    validation_failed: 'Некоторые поля заполнены неверно.',
    unauthenticated: 'Сеанс завершён. Войдите снова.',
    forbidden: 'У вас нет прав на это действие.',
    not_found: 'Не найдено.',
    conflict: 'Данные изменил кто-то другой. Обновите страницу и повторите.',
    rate_limited: 'Слишком много попыток. Подождите минуту и повторите.',
    payload_too_large: 'Файл или запрос слишком большой.',
    unsupported_media_type: 'Этот тип файла не принимается.',
    internal: 'На сервере произошла ошибка. Повторите позже.',
    service_unavailable: 'Медиасервер сейчас недоступен. Повторите через минуту.',
    extension_nonce_invalid:
      'Не удалось подтвердить расширение для экзамена. Перезагрузите страницу и попробуйте снова.',
    extension_outdated: 'Расширение для экзамена устарело. Обновите его в Chrome и перезагрузите страницу.',
    extension_no_handshake: 'Расширение для экзамена ещё не подключено. Перезагрузите страницу.',
    network: 'Нет связи с сервером. Проверьте подключение к интернету.',
    bad_response: 'Сервер прислал неожиданный ответ. Обновите страницу.',
  },
};
