import { iinCheckDigit } from '@adal/shared';

export const DEMO_PASSWORD = 'adal2026';

/** Thirty students of one group; Kazakh names as they appear in the university's lists. */
export const STUDENT_NAMES = [
  'Абдрахманов Әли Серікұлы',
  'Ахметова Аружан Болатқызы',
  'Бекова Дана Ерланқызы',
  'Бекмұратов Нұрлан Асқарұлы',
  'Жақсылықова Әйгерім Маратқызы',
  'Жұмабаев Ерасыл Бауыржанұлы',
  'Ибраева Гүлнұр Қайратқызы',
  'Исаев Тимур Русланұлы',
  'Қасымова Мадина Нұрланқызы',
  'Қалиев Арман Серікұлы',
  'Мұратова Жанерке Дәуренқызы',
  'Мұхтаров Дәурен Ғалымұлы',
  'Нұрланова Айгерім Есенқызы',
  'Нұрпейісов Санжар Төлегенұлы',
  'Оспанова Камила Ержанқызы',
  'Оразбаев Диас Қанатұлы',
  'Рахимова Дильназ Айдосқызы',
  'Сапарбеков Алихан Болатұлы',
  'Сейітова Томирис Мұратқызы',
  'Сұлтанов Бекзат Ерболұлы',
  'Тәжібаева Ақерке Жанатқызы',
  'Төлеубаев Еркебұлан Нұрбекұлы',
  'Уәлиева Інжу Сәкенқызы',
  'Шәкенов Мирас Асланұлы',
  'Ысқақова Сабина Тимурқызы',
  'Ермеков Ислам Даниярұлы',
  'Әбілова Әсем Жандосқызы',
  'Серікбаев Нұрсұлтан Маратұлы',
  'Ғалымжанова Балнұр Ерікқызы',
  'Кенжебеков Адиль Арманұлы',
];

export const STAFF = [
  { login: 'admin', fullName: 'Әкімші Жүйе', role: 'admin' },
  { login: 'registrar', fullName: 'Смағұлова Роза Қуанышқызы', role: 'registrar' },
  { login: 'proctor1', fullName: 'Қожахметов Ержан Болатұлы', role: 'proctor' },
  { login: 'proctor2', fullName: 'Иванова Елена Сергеевна', role: 'proctor' },
  { login: 'chair', fullName: 'Тұрсынов Бақыт Әбдіұлы', role: 'commission_chair' },
  { login: 'member1', fullName: 'Есімова Гүлмира Нұрланқызы', role: 'commission_member' },
  { login: 'member2', fullName: 'Петров Андрей Викторович', role: 'commission_member' },
  { login: 'secretary', fullName: 'Дәулетова Айнұр Серікқызы', role: 'technical_secretary' },
] as const;

/** A valid IIN for a student born in 2004; women's century digit is 6, men's 5. */
export function demoIin(index: number, female: boolean): string {
  const month = String((index % 12) + 1).padStart(2, '0');
  const day = String((index % 28) + 1).padStart(2, '0');
  for (let serial = 1000 + index * 7; ; serial++) {
    const first11 = `04${month}${day}${female ? 6 : 5}${String(serial).padStart(4, '0')}`;
    const check = iinCheckDigit(first11);
    if (check !== null) return first11 + check;
  }
}

/** Kazakh patronymics end in -қызы for women. */
export const isFemaleName = (fullName: string) => /қызы$/.test(fullName);
