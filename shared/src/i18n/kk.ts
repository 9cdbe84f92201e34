import { appealsKk } from './appeals/kk.js';
import { commissionKk } from './commission/kk.js';
import { computerTestKk } from './computer-test/kk.js';
import { extensionKk } from './extension/kk.js';
import { extensionConsoleKk } from './extension-console/kk.js';
import { gradingKk } from './grading/kk.js';
import { identityDocumentKk } from './identity-document/kk.js';
import { identityFaceKk } from './identity-face/kk.js';
import type { Catalogue } from './index.js';
import { makeUpKk } from './make-up/kk.js';
import { mediaKk } from './media/kk.js';
import { monitoringKk } from './monitoring/kk.js';
import { oralQueueKk } from './oral-queue/kk.js';
import { proctoringKk } from './proctoring/kk.js';
import { sheetsConsoleKk } from './sheets-console/kk.js';
import { staffKk } from './staff/kk.js';
import { studentDetailKk } from './student-detail/kk.js';
import { studentLogKk } from './student-log/kk.js';
import { thesisDefenceKk } from './thesis-defence/kk.js';
import { ticketPoolsKk } from './ticket-pools/kk.js';
import { writtenExamKk } from './written-exam/kk.js';

/** Kazakh (Cyrillic): the words of the students' guides (емтихан кестесі, рұқсат, МАК). */
export const kk: Catalogue = {
  app: { name: 'Adal Proctor', examClient: 'Емтихан порталы', proctorConsole: 'Проктор консолі' },
  language: { label: 'Интерфейс тілі' },
  common: {
    loading: 'Жүктелуде…',
    retry: 'Қайталау',
    logout: 'Шығу',
    logoutEverywhere: 'Барлық құрылғыдан шығу',
    signedInAs: 'Жүйеге кірген: {{name}}',
    back: 'Кестеге оралу',
    skipToContent: 'Негізгі мазмұнға өту',
    minutes: '{{count}} мин',
  },
  login: {
    title: 'Жүйеге кіру',
    subtitle: 'Университет берген логин мен құпия сөзді енгізіңіз.',
    login: 'Логин',
    password: 'Құпия сөз',
    submit: 'Кіру',
    submitting: 'Кіруде…',
    wrongCredentials: 'Логин немесе құпия сөз қате.',
  },
  roles: {
    student: 'Білім алушы',
    proctor: 'Проктор',
    commission_member: 'Комиссия мүшесі',
    commission_chair: 'Комиссия төрағасы',
    technical_secretary: 'Техникалық хатшы',
    registrar: 'Деканат',
    admin: 'Әкімші',
  },
  sittingKind: {
    computer_test: 'Компьютерлік тестілеу',
    written: 'Жазбаша емтихан',
    oral: 'Ауызша емтихан',
    state_exam: 'Мемлекеттік емтихан (МАК)',
    thesis_defence: 'Дипломдық жұмысты қорғау',
  },
  controlKind: {
    exam: 'Емтихан',
    current_assessment: 'Ағымдағы бақылау',
    midterm_1: 'Аралық бақылау 1',
    midterm_2: 'Аралық бақылау 2',
  },
  access: {
    red: 'Рұқсат күтілуде',
    green: 'Рұқсат берілді',
    admittedAt: 'Рұқсат берілген уақыт: {{time}}',
  },
  schedule: {
    title: 'Емтихан кестесі',
    intro:
      'Проктор немесе комиссия хатшысы рұқсат бермейінше, қол жетімділік мәртебесі қызыл болып тұрады. Басталу уақытында әлі қызыл болса, қоңырауда сұраңыз.',
    discipline: 'Пән',
    date: 'Күні',
    startTime: 'Басталуы',
    kind: 'Емтихан түрі',
    controlKind: 'Бақылау түрі',
    duration: 'Ұзақтығы',
    access: 'Рұқсат',
    action: 'Әрекет',
    enter: 'Емтиханға кіру',
    enterLabel: 'Емтиханға кіру: {{discipline}}',
    empty: 'Сізде жоспарланған емтихан жоқ.',
    live: 'Рұқсат мәртебесі автоматты түрде жаңарады',
    offline: 'Жаңартулар тоқтап тұр, қайта қосылуда…',
  },
  sitting: {
    title: 'Емтихан',
    opensHere: 'Емтихан осы жерде ашылады.',
    notAdmitted: 'Сізге бұл емтиханға әлі рұқсат берілмеген.',
    notFound: 'Бұл емтихан сіздің кестеңізде жоқ.',
  },
  console: {
    title: 'Менің емтихандарым',
    overview: 'Осы беттегі емтихандар',
    intro: 'Білім алушының жеке басы, бөлмесі мен үстелі тексерілген соң рұқсат беріңіз.',
    empty: 'Сізге тағайындалған емтихан жоқ.',
    group: 'Топ',
    start: 'Басталуы',
    duration: 'Ұзақтығы',
    students: 'Білім алушылар',
    admittedCount: '{{total}} білім алушының {{admitted}} рұқсат алды',
    fullName: 'Аты-жөні',
    iin: 'ЖСН',
    access: 'Рұқсат',
    action: 'Әрекет',
    admit: 'Рұқсат беру',
    revoke: 'Рұқсатты қайтару',
    admitLabel: 'Рұқсат беру: {{name}}',
    revokeLabel: 'Рұқсатты қайтару: {{name}}',
    viewOnly: 'Сіздің рөліңіз тізімдерді көруге ғана мүмкіндік береді, рұқсат беруге болмайды.',
    noStudents: 'Бұл емтиханда білім алушылар жоқ.',
  },
  media: mediaKk,
  staff: staffKk,
  test: computerTestKk,
  appeals: appealsKk,
  proctoring: proctoringKk,
  studentLog: studentLogKk,
  studentDetail: studentDetailKk,
  ticketPools: ticketPoolsKk,
  writtenExam: writtenExamKk,
  oralQueue: oralQueueKk,
  thesisDefence: thesisDefenceKk,
  sheetsConsole: sheetsConsoleKk,
  grading: gradingKk,
  commission: commissionKk,
  makeUp: makeUpKk,
  identityDocument: identityDocumentKk,
  identityFace: identityFaceKk,
  extensionConsole: extensionConsoleKk,
  monitoring: monitoringKk,
  extension: extensionKk,
  wrongApp: {
    staffTitle: 'Бұл портал білім алушыларға арналған',
    staffBody: 'Қызметкерлер проктор консолінде жұмыс істейді.',
    staffLink: 'Проктор консолін ашу',
    studentTitle: 'Бұл консоль қызметкерлерге арналған',
    studentBody: 'Білім алушылар емтиханды емтихан порталында тапсырады.',
    studentLink: 'Емтихан порталын ашу',
  },
  errors: {
    validation_failed: 'Кейбір өрістер дұрыс толтырылмаған.',
    unauthenticated: 'Сеанс аяқталды. Жүйеге қайта кіріңіз.',
    forbidden: 'Бұл әрекетке рұқсатыңыз жоқ.',
    not_found: 'Табылмады.',
    conflict: 'Мұны басқа біреу өзгертті. Бетті жаңартып, қайталап көріңіз.',
    rate_limited: 'Әрекет тым көп. Бір минут күтіп, қайталап көріңіз.',
    payload_too_large: 'Файл немесе сұраным тым үлкен.',
    unsupported_media_type: 'Бұл файл түрі қабылданбайды.',
    internal: 'Серверде қате орын алды. Кейінірек қайталап көріңіз.',
    service_unavailable: 'Медиасервер қазір қолжетімсіз. Бір минуттан соң қайталап көріңіз.',
    extension_nonce_invalid: 'Емтихан кеңейтімі расталмады. Қайталап көру үшін бетті қайта жүктеңіз.',
    extension_outdated: 'Емтихан кеңейтімінің нұсқасы ескі. Оны Chrome-да жаңартып, бетті қайта жүктеңіз.',
    extension_no_handshake: 'Емтихан кеңейтімі әлі қосылмаған. Бетті қайта жүктеңіз.',
    network: 'Сервермен байланыс жоқ. Интернет қосылымын тексеріңіз.',
    bad_response: 'Сервер күтпеген жауап қайтарды. Бетті жаңартыңыз.',
  },
};
