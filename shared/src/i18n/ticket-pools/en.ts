import type { TicketFileEncoding, TicketFileFormat } from '../../api/ticket-pools.js';

/**
 * Ticket pools in the proctor console: importing a teacher's file of closed tickets, previewing
 * a pool, and choosing the pool each written, oral or state exam draws from.
 */
export const ticketPoolsEn = {
  nav: 'Ticket pools',
  title: 'Ticket pools',
  intro:
    'Written, oral and state exams use closed tickets: each student draws one face-down ticket. A pool is imported from one file from the teacher and is not edited afterwards: to change it, import the corrected file and attach the new pool.',
  notAllowed: 'Ticket pools are kept by the dean’s office and administrators.',
  discipline: 'Discipline',
  chooseDiscipline: 'Choose the discipline',
  chooseFirst: 'Choose a discipline to see its pools and its exams with closed tickets.',
  import: {
    title: 'Import a pool from a file',
    help: 'File formats and examples',
    file: 'File',
    fileHint:
      'Text (.txt) with headings such as “Билет № 1”, or CSV with the columns ticket and question. UTF-8 or, for Russian text, Windows-1251.',
    poolTitle: 'Pool title',
    submit: 'Import',
    another: 'Import another file',
    reading: 'Reading the file: {{percent}} %',
    uploading: 'Uploading: {{percent}} %',
    checking: 'Checking the tickets…',
    progressLabel: 'Import progress',
    emptyFile: 'The file is empty.',
    tooLarge: 'The file is larger than {{megabytes}} MB. Split it into several pools.',
    readFailed: 'The file could not be read. Choose it again.',
    done: '“{{title}}” is imported.',
    tickets: 'Tickets',
    questionsPerTicket: 'Questions per ticket',
    readAs: 'Read as',
    readAsValue: '{{format}}, {{encoding}}',
    formats: { text: 'text', csv: 'CSV' } satisfies Record<TicketFileFormat, string>,
    encodings: {
      'utf-8': 'UTF-8',
      'utf-16': 'UTF-16',
      'windows-1251': 'Windows-1251',
    } satisfies Record<TicketFileEncoding, string>,
    showTickets: 'Show its tickets',
    rejectedTitle: 'Nothing was imported',
    rejectedIntro: 'Fix these lines of {{file}} and import the whole file again.',
    line: 'Line {{line}}',
    reasonsInEnglish: 'The reasons are given in English, as the importer writes them.',
    truncated: 'The file has more errors than are shown here. Fix these and import again to see the rest.',
    fields: {
      file: 'Choose a text or CSV file of up to 2 MB.',
      title: 'Enter a title of up to 200 characters.',
      disciplineId: 'Choose a discipline from the list.',
    },
  },
  pools: {
    title: 'Pools of this discipline',
    empty: 'This discipline has no ticket pools yet.',
    poolTitle: 'Pool',
    tickets: 'Tickets',
    questions: 'Questions per ticket',
    exams: 'Exams',
    imported: 'Imported',
    action: 'Tickets',
    show: 'Show',
    showLabel: 'Show the tickets of “{{title}}”',
    shown: 'Shown below',
  },
  preview: {
    title: 'Tickets of “{{title}}”',
    staffOnly:
      'Only the dean’s office and administrators see the whole pool. A student sees one ticket, after drawing it.',
    ticket: 'Ticket № {{number}}',
    close: 'Close',
  },
  attach: {
    title: 'Exams with closed tickets',
    intro:
      'Choose the pool each exam draws from. When the first student opens the ticket table, the order of the tickets is fixed and the pool can no longer be replaced.',
    empty: 'This discipline has no written, oral or state exams to come.',
    exam: 'Exam',
    group: 'Group',
    start: 'Start',
    students: 'Students',
    pool: 'Pool',
    action: 'Change',
    noPool: 'No pool yet: students cannot draw.',
    otherPool: 'A pool of another discipline',
    choosePool: 'Choose a pool',
    choosePoolLabel: 'Pool for {{group}}, {{kind}}',
    attach: 'Attach',
    attaching: 'Attaching…',
    attached: 'Attached.',
    noOtherPool: 'Import a pool first.',
    locked: 'The draw has begun: the pool is fixed.',
    conflict: 'The draw of this exam has just begun: its pool can no longer be replaced.',
    fewTickets:
      'Fewer tickets ({{tickets}}) than students ({{students}}): the draw deals the pool again, so some students will get the same ticket.',
  },
  formats: {
    title: 'File formats for ticket pools',
    back: 'Back to the ticket pools',
    intro:
      'A pool is imported from one file: text or CSV, whichever you prefer; the format is recognised from the content. All or nothing: if anything in the file is wrong, nothing is imported and you see each problem with its line number.',
    textTitle: 'Text',
    text: 'Each ticket starts with a heading line, then its questions, one per line. Blank lines are only spacing; lines starting with // are comments. Questions may be numbered 1. 2. or 1) 2): the numbers are dropped.',
    headings: 'Headings recognised (any letter case):',
    headingsKk: 'Kazakh: 1-билет, 1 билет, 1-ші билет, Емтихан билеті № 1',
    headingsRu: 'Russian: Билет № 1, Билет №1, Билет 1, Экзаменационный билет № 1',
    headingsEn: 'English: Ticket 1, Ticket No. 1, Ticket #1',
    textRules:
      'A question is one line. A heading with more text on its line (“Билет № 1. Основы SQL”) is refused: write the heading alone.',
    csvTitle: 'CSV',
    csv: 'One header row, then one row per question: the ticket number and the question. Columns: ticket (билет) and question (вопрос, сұрақ); a comment column may be added. Comma, semicolon or tab.',
    csvRules:
      'Write the ticket number on every row (unmerge merged cells). A ticket’s rows may stand apart; its questions keep the order of its rows. A question with a comma, semicolon or line break goes in double quotes, as Excel does by itself.',
    encodingTitle: 'Saving the file',
    encoding:
      'UTF-8 (Excel: “CSV UTF-8”) is read, with or without a byte-order mark, and so is UTF-16 (“Unicode text”). Russian text may also be saved in Windows-1251, as Excel does by default in a Russian locale.',
    kazakh:
      'Kazakh text must be saved as UTF-8: Windows-1251 has no letters ә, ғ, қ, ң, ө, ұ, ү, һ, and Excel replaces them with “?”. Such lines are refused. A Word, Excel or PDF file uploaded as it is is refused too.',
    refusedTitle: 'What is refused',
    refused:
      'Text before the first heading; a ticket number that is not a whole number from 1 to {{maxNumber}}; the same ticket number twice; a ticket without questions; an empty question; the same question twice in one ticket; an empty ticket cell; unknown or missing columns.',
    limitsTitle: 'Limits',
    limits:
      'Up to {{megabytes}} MB and {{tickets}} tickets; 1 to {{questions}} questions per ticket; up to {{chars}} characters per question.',
    examplesTitle: 'Examples',
    examples: 'Start from one of these, in Kazakh, Russian and English:',
    download: 'Download',
    exampleFiles: {
      text: 'Text file (tickets.txt)',
      csv: 'CSV file (tickets.csv), opens in Excel',
    },
  },
};

export type TicketPoolsCatalogue = typeof ticketPoolsEn;
